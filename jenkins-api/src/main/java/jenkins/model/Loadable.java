package jenkins.model;

/** Compile-only declaration of Jenkins' {@code Loadable}; see jenkins-api/README.md. */
public interface Loadable {}
