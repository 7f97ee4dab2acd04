package org.jenkinsci.remoting;

import java.io.Serializable;

/**
 * Compile-only declaration of Jenkins' {@code SerializableOnlyOverRemoting}; see
 * jenkins-api/README.md.
 */
public interface SerializableOnlyOverRemoting extends Serializable {}
