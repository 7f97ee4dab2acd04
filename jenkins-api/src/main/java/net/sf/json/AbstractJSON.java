package net.sf.json;

/** Compile-only declaration of Jenkins' {@code AbstractJSON}; see jenkins-api/README.md. */
public abstract class AbstractJSON implements JSON {

  AbstractJSON() {}
}
