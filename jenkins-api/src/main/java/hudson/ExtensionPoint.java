package hudson;

/** Compile-only declaration of Jenkins' {@code ExtensionPoint}; see jenkins-api/README.md. */
public interface ExtensionPoint {}
