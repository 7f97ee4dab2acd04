package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label and field selectors as query parameters ({@code labelSelector}, {@code fieldSelector}),
 * with the whole grammar the API server accepts, for filtering lists: the CRUD store knows only
 * equality label selectors and {@code metadata.name}/{@code metadata.namespace} fields.
 */
final class Selectors {

  private static final Pattern SET =
      Pattern.compile("^\\s*([^\\s!=]+)\\s+(in|notin)\\s*\\((.*)\\)\\s*$");
  private static final Pattern COMPARISON =
      Pattern.compile("^\\s*([^\\s!=]+)\\s*(==|!=|=)\\s*(.*?)\\s*$");

  private Selectors() {}

  /** The predicate of a label selector over an object's labels; null or blank selects all. */
  static Predicate<JsonNode> labels(String selector) {
    Predicate<JsonNode> all = o -> true;
    for (String requirement : split(selector)) {
      all = all.and(labelRequirement(requirement));
    }
    return all;
  }

  /** The predicate of a field selector over an object's fields, by dotted path. */
  static Predicate<JsonNode> fields(String selector) {
    Predicate<JsonNode> all = o -> true;
    for (String requirement : split(selector)) {
      Matcher m = COMPARISON.matcher(requirement);
      if (!m.matches()) {
        throw new ApiException(400, "BadRequest", "invalid field selector: " + requirement);
      }
      String path = m.group(1);
      String value = m.group(3);
      boolean equal = !m.group(2).equals("!=");
      all = all.and(o -> value.equals(field(o, path)) == equal);
    }
    return all;
  }

  private static Predicate<JsonNode> labelRequirement(String requirement) {
    Matcher set = SET.matcher(requirement);
    if (set.matches()) {
      String key = set.group(1);
      List<String> values = Arrays.stream(set.group(3).split(",")).map(String::trim).toList();
      boolean in = set.group(2).equals("in");
      return o -> {
        String value = label(o, key);
        return in
            ? value != null && values.contains(value)
            : value == null || !values.contains(value);
      };
    }
    Matcher comparison = COMPARISON.matcher(requirement);
    if (comparison.matches()) {
      String key = comparison.group(1);
      String value = comparison.group(3);
      boolean equal = !comparison.group(2).equals("!=");
      return o -> value.equals(label(o, key)) == equal;
    }
    String trimmed = requirement.trim();
    if (trimmed.startsWith("!")) {
      return o -> label(o, trimmed.substring(1).trim()) == null;
    }
    return o -> label(o, trimmed) != null;
  }

  private static String label(JsonNode object, String key) {
    JsonNode value = object.path("metadata").path("labels").get(key);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A field's value as text; a missing field reads as empty, as the API server's field sets do. */
  private static String field(JsonNode object, String path) {
    JsonNode current = object;
    for (String part : path.split("\\.")) {
      current = current.path(part);
    }
    return current.isMissingNode() || current.isNull() ? "" : current.asText();
  }

  /** Splits on the commas that are not inside a set's parentheses. */
  private static List<String> split(String selector) {
    List<String> parts = new ArrayList<>();
    if (selector == null || selector.isBlank()) {
      return parts;
    }
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts.stream().filter(p -> !p.isBlank()).toList();
  }
}
