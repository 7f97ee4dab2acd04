package com.cloudbees.plugins.credentials.common;

/**
 * Compile-only declaration of Jenkins' {@code StandardUsernamePasswordCredentials}; see
 * jenkins-api/README.md.
 */
public interface StandardUsernamePasswordCredentials
    extends StandardUsernameCredentials, UsernamePasswordCredentials {}
