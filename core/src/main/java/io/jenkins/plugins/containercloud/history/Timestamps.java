package io.jenkins.plugins.containercloud.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as {@code TIMESTAMP WITH TIME ZONE} at UTC: JDBC 4.2's {@link OffsetDateTime} is the
 * type both drivers map that column to without consulting the JVM's time zone.
 */
final class Timestamps {

  private Timestamps() {}

  static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  static Instant get(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
