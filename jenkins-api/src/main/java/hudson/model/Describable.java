package hudson.model;

/** Compile-only declaration of Jenkins' {@code Describable}; see jenkins-api/README.md. */
public interface Describable<T extends Describable<T>> {

  default Descriptor<T> getDescriptor() {
    throw new UnsupportedOperationException("Describable.getDescriptor runs only inside Jenkins");
  }
}
