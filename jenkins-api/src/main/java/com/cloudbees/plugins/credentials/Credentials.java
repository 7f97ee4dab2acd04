package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

/** Compile-only declaration of Jenkins' {@code Credentials}; see jenkins-api/README.md. */
public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {}
