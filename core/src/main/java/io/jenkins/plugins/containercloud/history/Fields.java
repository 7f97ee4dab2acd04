package io.jenkins.plugins.containercloud.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * The column sizes of the history tables and the checks that keep values within them, so that a
 * write never fails for a value the database cannot hold (such a failure could not be retried).
 */
final class Fields {

  static final int ID = 36;
  static final int CLUSTER = 253;
  static final int NAMESPACE = 253;
  static final int KIND = 63;
  static final int NAME = 253;
  static final int CONTAINER = 253;
  static final int IMAGE = 1024;
  static final int STRATEGY = 63;
  static final int STRATEGY_PARAMETERS = 4000;
  static final int TRIGGER_VALUE = 2048;
  static final int REASON = 4000;
  static final int EVENT_TYPE = 63;
  static final int EVENT_MESSAGE = 4000;

  private static final String ELLIPSIS = "…";

  private Fields() {}

  /** A non-blank value of at most {@code max} characters, or an exception naming the field. */
  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return optional(field, value, max);
  }

  /** A value of at most {@code max} characters, or null. */
  static String optional(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(
          field + " is " + value.length() + " characters long; at most " + max + " fit");
    }
    return value;
  }

  /** Free text cut to {@code max} characters, marked with an ellipsis when it was cut. */
  static String truncated(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    return value.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
  }

  /** The canonical lower-case form of a UUID, or an exception naming the field. */
  static String uuid(String field, String value) {
    required(field, value, ID);
    String lower = value.toLowerCase(Locale.ROOT);
    try {
      if (UUID.fromString(lower).toString().equals(lower)) {
        return lower;
      }
    } catch (IllegalArgumentException e) {
      // reported below, with the field's name
    }
    throw new IllegalArgumentException(
        field + " must be a UUID like 3f2b8c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f, was " + value);
  }

  /** Both databases keep microseconds; cutting here makes what is read equal what was written. */
  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
