package io.jenkins.plugins.containercloud.plugin.steps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the text forms step arguments take (so that the Snippet Generator's text fields can
 * express them): lists, {@code KEY=VALUE} lines and durations. Errors name the argument.
 */
final class Arguments {

  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  private Arguments() {}

  /** Items separated by commas, spaces or new lines; empty when {@code text} is null. */
  static List<String> list(String text) {
    List<String> items = new ArrayList<>();
    if (text == null) {
      return items;
    }
    for (String item : LIST_SEPARATOR.split(text.strip())) {
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    return items;
  }

  /** Items one per line (blank lines skipped); for values that may contain spaces. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    if (text == null) {
      return lines;
    }
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /** {@code KEY=VALUE} lines, in order; the value may be empty and may contain {@code =}. */
  static Map<String, String> keyValues(String argument, String text) {
    Map<String, String> map = new LinkedHashMap<>();
    int number = 0;
    for (String line : lines(text)) {
      number++;
      int equals = line.indexOf('=');
      String key = equals < 0 ? line : line.substring(0, equals).strip();
      if (equals < 0 || !KEY.matcher(key).matches()) {
        throw new IllegalArgumentException(
            argument
                + ": line "
                + number
                + " '"
                + line
                + "' is not KEY=VALUE; write one KEY=VALUE per line");
      }
      map.put(key, line.substring(equals + 1));
    }
    return map;
  }

  /** {@code 90} (seconds), {@code 45s}, {@code 5m}, {@code 1h}; null stays null. */
  static Duration duration(String argument, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          argument + ": '" + text + "' is not a duration; write e.g. 90s, 5m or 1h");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration duration =
        switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofSeconds(amount);
        };
    if (duration.isZero()) {
      throw new IllegalArgumentException(argument + ": must be longer than zero, e.g. 5m");
    }
    return duration;
  }
}
