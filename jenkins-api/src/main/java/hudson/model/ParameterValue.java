package hudson.model;

import java.io.Serializable;

/** Compile-only declaration of Jenkins' {@code ParameterValue}; see jenkins-api/README.md. */
public abstract class ParameterValue implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String name;

  // Jenkins' constructors are protected and not listed; subclasses here reach this one.
  ParameterValue(String name) {
    this.name = name;
  }

  public final String getName() {
    return name;
  }
}
