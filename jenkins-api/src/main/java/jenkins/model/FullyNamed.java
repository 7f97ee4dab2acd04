package jenkins.model;

/** Compile-only declaration of Jenkins' {@code FullyNamed}; see jenkins-api/README.md. */
public interface FullyNamed {}
