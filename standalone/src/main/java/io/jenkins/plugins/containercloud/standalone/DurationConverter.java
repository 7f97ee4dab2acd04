package io.jenkins.plugins.containercloud.standalone;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations written as people write them: {@code 45s}, {@code 5m}, {@code 1h30m}. */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern WHOLE = Pattern.compile("(\\d+[hms])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

  @Override
  public Duration convert(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new TypeConversionException(
          "'" + text + "' is not a duration; write it like 45s, 5m, 1h or 1h30m");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
              });
    }
    if (total.isZero()) {
      throw new TypeConversionException("'" + text + "' is zero; give a positive duration");
    }
    return total;
  }

  /** Writes a duration back in the same notation. */
  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0 || text.isEmpty()) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }
}
