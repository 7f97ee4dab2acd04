package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Compile-only declaration of Jenkins' {@code IdCredentials}; see jenkins-api/README.md. */
public interface IdCredentials extends Credentials {

  String getId();
}
