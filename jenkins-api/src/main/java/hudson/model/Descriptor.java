package hudson.model;

import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Compile-only declaration of Jenkins' {@code Descriptor}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: constructing one works as in Jenkins (a plugin's descriptors can be
 * created in unit tests), and so do {@link #getDisplayName()} and {@link #getId()}.
 */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {

  public final Class<? extends T> clazz;

  /** Describes {@code clazz}; pass {@link #self()} for a descriptor that describes itself. */
  @SuppressWarnings("unchecked") // self() stands for the descriptor's own class, as in Jenkins
  protected Descriptor(Class<? extends T> clazz) {
    this.clazz = clazz == self() ? (Class<? extends T>) getClass() : clazz;
  }

  /** Describes the class this descriptor is nested in, Jenkins' convention. */
  @SuppressWarnings("unchecked") // the convention Jenkins checks at run time
  protected Descriptor() {
    this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
    if (clazz == null) {
      throw new AssertionError(
          getClass()
              + " doesn't have an outer class. Use the constructor that takes the Class object"
              + " explicitly.");
    }
  }

  public String getDisplayName() {
    return clazz.getSimpleName();
  }

  public String getId() {
    return clazz.getName();
  }

  public T newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
    throw new UnsupportedOperationException("Descriptor.newInstance runs only inside Jenkins");
  }

  public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
    throw new UnsupportedOperationException("Descriptor.configure runs only inside Jenkins");
  }

  public void save() {
    throw new UnsupportedOperationException("Descriptor.save runs only inside Jenkins");
  }

  public void load() {
    throw new UnsupportedOperationException("Descriptor.load runs only inside Jenkins");
  }

  @SuppressWarnings("rawtypes") // Jenkins declares it raw
  protected static Class self() {
    return Self.class;
  }

  // Jenkins' Self is public, but the reference does not list it.
  private static final class Self {}

  /**
   * Compile-only declaration of Jenkins' {@code Descriptor.FormException}; see
   * jenkins-api/README.md.
   */
  public static final class FormException extends Exception implements HttpResponse {

    private final String formField;

    public FormException(String message, String formField) {
      super(message);
      this.formField = formField;
    }

    public FormException(String message, Throwable cause, String formField) {
      super(message, cause);
      this.formField = formField;
    }

    public FormException(Throwable cause, String formField) {
      super(cause);
      this.formField = formField;
    }
  }
}
