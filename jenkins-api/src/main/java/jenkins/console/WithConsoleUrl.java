package jenkins.console;

/** Compile-only declaration of Jenkins' {@code WithConsoleUrl}; see jenkins-api/README.md. */
public interface WithConsoleUrl {}
