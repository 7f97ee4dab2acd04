package hudson.util;

import java.io.Serializable;

/**
 * Compile-only declaration of Jenkins' {@code Secret}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: holds the plain text, unencrypted (there is no Jenkins key here); its
 * {@code toString()} does not reveal it.
 */
public final class Secret implements Serializable {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** A secret holding {@code data}; null holds the empty string, as in Jenkins. */
  public static Secret fromString(String data) {
    return new Secret(data == null ? "" : data);
  }

  public String getPlainText() {
    return value;
  }

  /** The plain text of {@code s}, or the empty string for null, as in Jenkins. */
  public static String toString(Secret s) {
    return s == null ? "" : s.value;
  }
}
