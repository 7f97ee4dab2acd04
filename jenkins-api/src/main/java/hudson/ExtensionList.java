package hudson;

import java.util.AbstractList;
import jenkins.util.io.OnMaster;

/**
 * Compile-only declaration of Jenkins' {@code ExtensionList}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: outside Jenkins there are no extensions, so every list is empty, as
 * Jenkins' own lookup answers when no Jenkins instance runs.
 */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {

  private ExtensionList() {}

  public static <T> ExtensionList<T> lookup(Class<T> type) {
    return new ExtensionList<>();
  }

  public static <U> U lookupSingleton(Class<U> type) {
    ExtensionList<U> all = lookup(type);
    if (all.size() != 1) {
      throw new IllegalStateException(
          "Expected 1 instance of " + type.getName() + " but got " + all.size());
    }
    return all.get(0);
  }

  // get and size implement AbstractList's abstract methods, as Jenkins' ExtensionList does.
  @Override
  public T get(int index) {
    throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length 0");
  }

  @Override
  public int size() {
    return 0;
  }
}
