package io.jenkins.plugins.containercloud.plugin;

/** Small text helpers for form and step values, which arrive as null, blank or padded. */
public final class Texts {

  private Texts() {}

  /** {@code value} trimmed, or null when it is null or blank. */
  public static String trimToNull(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
