package hudson.util;

import hudson.model.ModelObject;
import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/**
 * Compile-only declaration of Jenkins' {@code ListBoxModel}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: a plain list of options, filled as Jenkins' is.
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

  public ListBoxModel() {}

  public void add(String displayName, String value) {
    add(new Option(displayName, value));
  }

  public void add(ModelObject usedForDisplayName, String value) {
    add(usedForDisplayName.getDisplayName(), value);
  }

  public ListBoxModel add(String nameAndValue) {
    add(nameAndValue, nameAndValue);
    return this;
  }

  /**
   * Compile-only declaration of Jenkins' {@code ListBoxModel.Option}; see jenkins-api/README.md.
   *
   * <p>Jenkins' public fields {@code name}, {@code value} and {@code selected} are not in the
   * reference, so they are package-private here.
   */
  public static final class Option {

    final String name;
    final String value;
    final boolean selected;

    public Option(String name, String value) {
      this(name, value, false);
    }

    public Option(String name) {
      this(name, name, false);
    }

    public Option(String name, String value, boolean selected) {
      this.name = name;
      this.value = value;
      this.selected = selected;
    }
  }
}
