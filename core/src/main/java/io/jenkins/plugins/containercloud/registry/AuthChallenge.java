package io.jenkins.plugins.containercloud.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge: its scheme ({@code Basic}, {@code Bearer}) and
 * parameters.
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {

  /** Parses a header such as {@code Bearer realm="https://auth/token",service="registry"}. */
  static Optional<AuthChallenge> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String trimmed = header.strip();
    int space = trimmed.indexOf(' ');
    String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
    Map<String, String> parameters = new LinkedHashMap<>();
    if (space >= 0) {
      parseParameters(trimmed.substring(space + 1), parameters);
    }
    return Optional.of(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), parameters));
  }

  private static void parseParameters(String text, Map<String, String> into) {
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
        i++;
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        return;
      }
      String key = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < text.length() && text.charAt(i) == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        i++;
      } else {
        while (i < text.length() && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      into.put(key, value.toString().strip());
    }
  }

  boolean isBasic() {
    return scheme.equals("basic");
  }

  boolean isBearer() {
    return scheme.equals("bearer");
  }

  String parameter(String name) {
    return parameters.getOrDefault(name, "");
  }
}
