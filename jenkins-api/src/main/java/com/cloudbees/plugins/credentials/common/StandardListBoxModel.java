package com.cloudbees.plugins.credentials.common;

/** Compile-only declaration of Jenkins' {@code StandardListBoxModel}; see jenkins-api/README.md. */
public class StandardListBoxModel
    extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {

  public StandardListBoxModel() {}
}
