package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

/** Compile-only declaration of Jenkins' {@code DomainRequirement}; see jenkins-api/README.md. */
public class DomainRequirement implements ExtensionPoint, Serializable {

  public DomainRequirement() {}
}
