package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the {@code deployment_events} table. */
final class EventRows {

  private static final String INSERT_IF_ABSENT =
      "INSERT INTO deployment_events (deployment_id, seq, occurred_at, type, message)"
          + " SELECT ?, ?, ?, ?, ?"
          + " WHERE NOT EXISTS"
          + " (SELECT 1 FROM deployment_events WHERE deployment_id = ? AND seq = ?)";

  private static final String SELECT =
      "SELECT deployment_id, seq, occurred_at, type, message FROM deployment_events"
          + " WHERE deployment_id = ? ORDER BY seq";

  private EventRows() {}

  /** Inserts the events whose (deployment, sequence) is not stored yet, as one batch. */
  static void insertIfAbsent(Connection connection, List<DeploymentEvent> events)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement s = connection.prepareStatement(INSERT_IF_ABSENT)) {
      for (DeploymentEvent e : events) {
        s.setString(1, e.deploymentId());
        s.setInt(2, e.sequence());
        Timestamps.set(s, 3, e.time());
        s.setString(4, e.type());
        s.setString(5, e.message());
        s.setString(6, e.deploymentId());
        s.setInt(7, e.sequence());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  static List<DeploymentEvent> select(Connection connection, String deploymentId)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(SELECT)) {
      s.setString(1, deploymentId);
      try (ResultSet rows = s.executeQuery()) {
        List<DeploymentEvent> events = new ArrayList<>();
        while (rows.next()) {
          events.add(
              new DeploymentEvent(
                  rows.getString("deployment_id"),
                  rows.getInt("seq"),
                  Timestamps.get(rows, "occurred_at"),
                  rows.getString("type"),
                  rows.getString("message")));
        }
        return events;
      }
    }
  }
}
