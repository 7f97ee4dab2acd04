package com.cloudbees.plugins.credentials.common;

/**
 * Compile-only declaration of Jenkins' {@code UsernamePasswordCredentials}; see
 * jenkins-api/README.md.
 */
public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {}
