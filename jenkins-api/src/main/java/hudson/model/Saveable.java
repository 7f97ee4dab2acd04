package hudson.model;

/** Compile-only declaration of Jenkins' {@code Saveable}; see jenkins-api/README.md. */
public interface Saveable {}
