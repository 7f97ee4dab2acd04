package jenkins.widgets;

/** Compile-only declaration of Jenkins' {@code HasWidgets}; see jenkins-api/README.md. */
public interface HasWidgets {}
