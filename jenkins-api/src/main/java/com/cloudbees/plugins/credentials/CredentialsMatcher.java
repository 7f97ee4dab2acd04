package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Compile-only declaration of Jenkins' {@code CredentialsMatcher}; see jenkins-api/README.md. */
public interface CredentialsMatcher extends Serializable {}
