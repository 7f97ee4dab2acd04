package hudson.model;

/**
 * Compile-only declaration of Jenkins' {@code AbstractDescribableImpl}; see jenkins-api/README.md.
 */
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>>
    implements Describable<T> {

  public AbstractDescribableImpl() {}
}
