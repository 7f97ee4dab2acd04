package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

/** Compile-only declaration of Jenkins' {@code PasswordCredentials}; see jenkins-api/README.md. */
public interface PasswordCredentials extends Credentials {

  Secret getPassword();
}
