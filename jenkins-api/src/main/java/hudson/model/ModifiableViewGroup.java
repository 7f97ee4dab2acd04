package hudson.model;

/** Compile-only declaration of Jenkins' {@code ModifiableViewGroup}; see jenkins-api/README.md. */
public interface ModifiableViewGroup extends ViewGroup {}
