package io.jenkins.plugins.containercloud.rollout;

/**
 * A replica count written as a number ({@code 2}) or a percentage of the desired count ({@code
 * 25%}).
 */
public record IntOrPercent(int value, boolean percent) {

  public IntOrPercent {
    if (value < 0) {
      throw new InvalidRolloutException("replica count or percentage must not be negative");
    }
  }

  public static IntOrPercent of(int count) {
    return new IntOrPercent(count, false);
  }

  /**
   * Parses {@code 3} or {@code 25%}.
   *
   * @param field the argument's name, for the error message
   */
  public static IntOrPercent parse(String field, String text) {
    String trimmed = text == null ? "" : text.trim();
    try {
      if (trimmed.endsWith("%")) {
        return new IntOrPercent(Integer.parseInt(trimmed.substring(0, trimmed.length() - 1)), true);
      }
      return new IntOrPercent(Integer.parseInt(trimmed), false);
    } catch (NumberFormatException | InvalidRolloutException e) {
      throw new InvalidRolloutException(
          field + ": '" + text + "' is neither a replica count (2) nor a percentage (25%)");
    }
  }

  /** Resolves against {@code desired}; percentages round up or down as asked. */
  public int resolve(int desired, boolean roundUp) {
    if (!percent) {
      return value;
    }
    long scaled = (long) value * desired;
    return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
  }

  @Override
  public String toString() {
    return percent ? value + "%" : Integer.toString(value);
  }
}
