package jenkins.util.io;

/** Compile-only declaration of Jenkins' {@code OnMaster}; see jenkins-api/README.md. */
public interface OnMaster {}
