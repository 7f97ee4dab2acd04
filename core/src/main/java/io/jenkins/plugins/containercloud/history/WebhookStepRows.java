package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The SQL of the {@code webhook_steps} table. */
final class WebhookStepRows {

  private WebhookStepRows() {}

  /** Records a step as started, replacing what an earlier run of the same trigger recorded. */
  static void start(Connection c, String deliveryId, int seq, String step, int position, Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM webhook_steps WHERE delivery_id = ? AND seq = ? AND position >= ?")) {
      s.setString(1, deliveryId);
      s.setInt(2, seq);
      s.setInt(3, position);
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO webhook_steps (delivery_id, seq, step, position, status, started_at)"
                + " VALUES (?, ?, ?, ?, 'RUNNING', ?)")) {
      s.setString(1, deliveryId);
      s.setInt(2, seq);
      s.setString(3, step);
      s.setInt(4, position);
      Timestamps.set(s, 5, at);
      s.executeUpdate();
    }
  }

  static void end(
      Connection c,
      String deliveryId,
      int seq,
      String step,
      String status,
      String detail,
      String log,
      Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE webhook_steps SET status = ?, ended_at = ?, detail = ?, log = COALESCE(?, log)"
                + " WHERE delivery_id = ? AND seq = ? AND step = ? AND status = 'RUNNING'")) {
      s.setString(1, status);
      Timestamps.set(s, 2, at);
      s.setString(3, detail);
      s.setString(4, log);
      s.setString(5, deliveryId);
      s.setInt(6, seq);
      s.setString(7, step);
      s.executeUpdate();
    }
  }

  /** The stored output of a delivery's steps that have any, in trigger then step order. */
  static List<WebhookStepLog> logs(Connection c, String deliveryId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, step, log FROM webhook_steps WHERE delivery_id = ? AND log IS NOT NULL"
                + " ORDER BY seq, position")) {
      s.setString(1, deliveryId);
      List<WebhookStepLog> logs = new ArrayList<>();
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          logs.add(new WebhookStepLog(row.getInt(1), row.getString(2), row.getString(3)));
        }
      }
      return logs;
    }
  }

  /** Pins a running trigger's image once its build is pushed. */
  static void pin(Connection c, String deliveryId, int seq, String image) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE webhook_triggers SET image = ? WHERE delivery_id = ? AND seq = ?"
                + " AND status = 'RUNNING'")) {
      s.setString(1, image);
      s.setString(2, deliveryId);
      s.setInt(3, seq);
      s.executeUpdate();
    }
  }

  /** The steps of the deliveries' triggers, in trigger then step order. */
  static List<WebhookStep> of(Connection c, List<String> deliveryIds) throws SQLException {
    if (deliveryIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT delivery_id, seq, step, position, status, started_at, ended_at, detail,"
                + " COALESCE(LENGTH(log), 0) AS log_chars FROM webhook_steps WHERE delivery_id IN ("
                + String.join(", ", Collections.nCopies(deliveryIds.size(), "?"))
                + ") ORDER BY delivery_id, seq, position")) {
      for (int i = 0; i < deliveryIds.size(); i++) {
        s.setString(i + 1, deliveryIds.get(i));
      }
      List<WebhookStep> steps = new ArrayList<>();
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          steps.add(
              new WebhookStep(
                  row.getString("delivery_id"),
                  row.getInt("seq"),
                  row.getString("step"),
                  row.getInt("position"),
                  row.getString("status"),
                  Timestamps.get(row, "started_at"),
                  Timestamps.get(row, "ended_at"),
                  row.getString("detail"),
                  row.getInt("log_chars")));
        }
      }
      return steps;
    }
  }
}
