package io.jenkins.plugins.containercloud.plugin.action;

import java.util.Locale;

/**
 * Short forms of long values for the build page, where full image references and ids would take the
 * width (the page shows the full value in a tooltip, with a copy button).
 */
final class ShortText {

  /** Hex digits of a digest kept: as many as {@code docker images} shows. */
  static final int DIGEST_DIGITS = 12;

  private ShortText() {}

  /**
   * {@code registry.example.com/team/api:2@sha256:3f1a…} becomes {@code api:2@3f1a2b3c4d5e}: the
   * repository's last segment, the tag, and the digest's first digits. Null stays null.
   */
  static String reference(String reference) {
    if (reference == null || reference.isBlank()) {
      return reference;
    }
    String digest = null;
    String name = reference;
    int at = reference.indexOf('@');
    if (at >= 0) {
      digest = reference.substring(at + 1);
      name = reference.substring(0, at);
    }
    // The last segment: after the registry and namespaces (a registry's port has no '/' after it).
    String last = name.substring(name.lastIndexOf('/') + 1);
    return digest == null ? last : last + "@" + digestDigits(digest);
  }

  /** {@code sha256:3f1a…} becomes {@code sha256:3f1a2b3c4d5e}. Null stays null. */
  static String digest(String digest) {
    if (digest == null || digest.isBlank()) {
      return digest;
    }
    int colon = digest.indexOf(':');
    return colon < 0 ? digestDigits(digest) : digest.substring(0, colon + 1) + digestDigits(digest);
  }

  /** A history id (a UUID) by its first group, as a commit by its first digits. */
  static String id(String id) {
    if (id == null) {
      return null;
    }
    int dash = id.indexOf('-');
    return dash > 0 ? id.substring(0, dash) : id;
  }

  private static String digestDigits(String digest) {
    String hex = digest.substring(digest.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    return hex.length() <= DIGEST_DIGITS ? hex : hex.substring(0, DIGEST_DIGITS);
  }
}
