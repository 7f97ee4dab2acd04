package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

/** Compile-only declaration of Jenkins' {@code StringCredentials}; see jenkins-api/README.md. */
public interface StringCredentials extends StandardCredentials {

  Secret getSecret();
}
