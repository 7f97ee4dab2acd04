package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the {@code scaling_events} table. */
final class ScalingRows {

  private static final String COLUMNS =
      "id, cluster, pool, occurred_at, type, request_key, machine_id, node_name, nodes, pods,"
          + " reason, duration_ms";

  private static final String INSERT_IF_ABSENT =
      "INSERT INTO scaling_events ("
          + COLUMNS
          + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
          + " WHERE NOT EXISTS (SELECT 1 FROM scaling_events WHERE id = ?)";

  private static final String RECENT =
      "SELECT "
          + COLUMNS
          + " FROM scaling_events WHERE cluster = ?"
          + " ORDER BY occurred_at DESC, id DESC LIMIT ?";

  private static final String OF_TYPE =
      "SELECT "
          + COLUMNS
          + " FROM scaling_events WHERE cluster = ? AND type = ? ORDER BY occurred_at, id";

  // A requested scale-up with no later CREATED or FAILED event of the same key.

  private static final String UNFINISHED =
      "SELECT "
          + COLUMNS
          + " FROM scaling_events r WHERE r.cluster = ?"
          + " AND r.type = 'SCALE_UP_REQUESTED' AND NOT EXISTS (SELECT 1 FROM scaling_events f"
          + " WHERE f.request_key = r.request_key AND f.type IN ('SCALE_UP_CREATED',"
          + " 'SCALE_UP_FAILED')) ORDER BY r.occurred_at";

  private ScalingRows() {}

  static void insertIfAbsent(Connection connection, ScalingEvent e) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(INSERT_IF_ABSENT)) {
      s.setString(1, e.id());
      s.setString(2, e.cluster());
      s.setString(3, e.pool());
      Timestamps.set(s, 4, e.occurredAt());
      s.setString(5, e.type());
      s.setString(6, e.requestKey());
      s.setString(7, e.machineId());
      s.setString(8, e.nodeName());
      s.setInt(9, e.nodes());
      s.setString(10, e.pods());
      s.setString(11, e.reason());
      if (e.durationMillis() == null) {
        s.setNull(12, Types.BIGINT);
      } else {
        s.setLong(12, e.durationMillis());
      }
      s.setString(13, e.id());
      s.executeUpdate();
    }
  }

  static List<ScalingEvent> recent(Connection connection, String cluster, int limit)
      throws SQLException {
    return query(connection, RECENT, cluster, limit);
  }

  static List<ScalingEvent> unfinished(Connection connection, String cluster) throws SQLException {
    return query(connection, UNFINISHED, cluster);
  }

  static List<ScalingEvent> ofType(Connection connection, String cluster, String type)
      throws SQLException {
    return query(connection, OF_TYPE, cluster, type);
  }

  private static List<ScalingEvent> query(Connection connection, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return rows(s);
    }
  }

  private static List<ScalingEvent> rows(PreparedStatement s) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      List<ScalingEvent> events = new ArrayList<>();
      while (r.next()) {
        long duration = r.getLong("duration_ms");
        events.add(
            new ScalingEvent(
                r.getString("id"),
                r.getString("cluster"),
                r.getString("pool"),
                Timestamps.get(r, "occurred_at"),
                r.getString("type"),
                r.getString("request_key"),
                r.getString("machine_id"),
                r.getString("node_name"),
                r.getInt("nodes"),
                r.getString("pods"),
                r.getString("reason"),
                r.wasNull() ? null : duration));
      }
      return events;
    }
  }
}
