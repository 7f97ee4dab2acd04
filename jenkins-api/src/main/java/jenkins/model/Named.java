package jenkins.model;

/** Compile-only declaration of Jenkins' {@code Named}; see jenkins-api/README.md. */
public interface Named {}
