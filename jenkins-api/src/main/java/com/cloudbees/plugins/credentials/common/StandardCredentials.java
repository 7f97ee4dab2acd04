package com.cloudbees.plugins.credentials.common;

/** Compile-only declaration of Jenkins' {@code StandardCredentials}; see jenkins-api/README.md. */
public interface StandardCredentials extends IdCredentials {

  String getDescription();
}
