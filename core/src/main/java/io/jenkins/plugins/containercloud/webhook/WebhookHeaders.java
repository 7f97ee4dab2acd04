package io.jenkins.plugins.containercloud.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A delivery's HTTP headers, looked up without regard to case (as HTTP names them). */
public final class WebhookHeaders {

  private final Map<String, List<String>> values = new TreeMap<>();

  private WebhookHeaders() {}

  /** Headers from a host's map of names to values. */
  public static WebhookHeaders of(Map<String, ? extends List<String>> headers) {
    WebhookHeaders result = new WebhookHeaders();
    headers.forEach(
        (name, list) -> {
          if (name != null && list != null) {
            result.values.computeIfAbsent(key(name), k -> new ArrayList<>()).addAll(list);
          }
        });
    return result;
  }

  /**
   * Headers from {@code Name: value} lines, as a sender's delivery log shows them; blank lines and
   * lines without a colon are skipped.
   */
  public static WebhookHeaders parse(String text) {
    WebhookHeaders result = new WebhookHeaders();
    for (String line : text.split("\\R")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        result
            .values
            .computeIfAbsent(key(line.substring(0, colon)), k -> new ArrayList<>())
            .add(line.substring(colon + 1).strip());
      }
    }
    return result;
  }

  /** The first value of the header, or null. */
  public String get(String name) {
    List<String> list = values.get(key(name));
    return list == null || list.isEmpty() ? null : list.get(0);
  }

  /** The first value, or null when missing or blank. */
  public String nonBlank(String name) {
    String value = get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The media type of {@code Content-Type}, lower case, without parameters; "" when missing. */
  public String mediaType() {
    String value = get("Content-Type");
    if (value == null) {
      return "";
    }
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
