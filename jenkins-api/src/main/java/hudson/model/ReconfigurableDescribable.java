package hudson.model;

/**
 * Compile-only declaration of Jenkins' {@code ReconfigurableDescribable}; see
 * jenkins-api/README.md.
 */
public interface ReconfigurableDescribable<T extends ReconfigurableDescribable<T>>
    extends Describable<T> {}
