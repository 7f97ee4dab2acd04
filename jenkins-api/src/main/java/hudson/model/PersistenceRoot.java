package hudson.model;

/** Compile-only declaration of Jenkins' {@code PersistenceRoot}; see jenkins-api/README.md. */
public interface PersistenceRoot extends Saveable {}
