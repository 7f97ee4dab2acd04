package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Compile-only declaration of Jenkins' {@code UsernameCredentials}; see jenkins-api/README.md. */
public interface UsernameCredentials extends Credentials {

  String getUsername();
}
