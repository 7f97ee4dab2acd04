package hudson.model;

/** Compile-only declaration of Jenkins' {@code StringParameterValue}; see jenkins-api/README.md. */
public class StringParameterValue extends ParameterValue {

  private static final long serialVersionUID = 1L;

  public StringParameterValue(String name, String value) {
    super(name);
  }

  public StringParameterValue(String name, String value, String description) {
    super(name);
  }
}
