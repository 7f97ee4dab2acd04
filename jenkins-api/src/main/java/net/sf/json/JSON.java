package net.sf.json;

import java.io.Serializable;

/** Compile-only declaration of Jenkins' {@code JSON}; see jenkins-api/README.md. */
public interface JSON extends Serializable {}
