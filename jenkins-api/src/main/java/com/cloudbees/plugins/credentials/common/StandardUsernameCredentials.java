package com.cloudbees.plugins.credentials.common;

/**
 * Compile-only declaration of Jenkins' {@code StandardUsernameCredentials}; see
 * jenkins-api/README.md.
 */
public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
