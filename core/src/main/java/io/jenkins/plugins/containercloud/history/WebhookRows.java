package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the {@code webhook_deliveries} and {@code webhook_triggers} tables. */
final class WebhookRows {

  private static final String DELIVERY_COLUMNS =
      "id, source, hook, dedupe_key, event, received_at, body_sha256, body_size, verification,"
          + " status, reason, headers_json, events_json, redelivery_of";

  private static final String TRIGGER_COLUMNS =
      "delivery_id, seq, rule_name, cluster, namespace, kind, name, container, image, parameters,"
          + " status, deployment_id, reason, updated_at";

  private static final String FINAL_UNLESS_OPEN =
      "UPDATE webhook_deliveries SET status = 'PROCESSED' WHERE id = ? AND status = 'ACCEPTED'"
          + " AND NOT EXISTS (SELECT 1 FROM webhook_triggers WHERE delivery_id = ?"
          + " AND status IN ('PENDING', 'RUNNING'))";

  private WebhookRows() {}

  /** The id of the delivery stored under this hook and key, if any. */
  static Optional<String> idByKey(Connection c, String hook, String key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT id FROM webhook_deliveries WHERE hook = ? AND dedupe_key = ?")) {
      s.setString(1, hook);
      s.setString(2, key);
      try (ResultSet row = s.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    }
  }

  static void insert(Connection c, WebhookDelivery d) throws SQLException {
    insertDeliveries(c, List.of(d));
  }

  /** Inserts the deliveries as one JDBC batch (one round trip to a server). */
  static void insertDeliveries(Connection c, List<WebhookDelivery> deliveries) throws SQLException {
    if (deliveries.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO webhook_deliveries ("
                + DELIVERY_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (WebhookDelivery d : deliveries) {
        set(s, d);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void set(PreparedStatement s, WebhookDelivery d) throws SQLException {
    int i = 0;
    s.setString(++i, d.id());
    s.setString(++i, d.source());
    s.setString(++i, d.hook());
    s.setString(++i, d.dedupeKey());
    s.setString(++i, d.event());
    Timestamps.set(s, ++i, d.receivedAt());
    s.setString(++i, d.bodySha256());
    s.setInt(++i, d.bodySize());
    s.setString(++i, d.verification());
    s.setString(++i, d.status());
    s.setString(++i, d.reason());
    s.setString(++i, d.headersJson());
    s.setString(++i, d.eventsJson());
    s.setString(++i, d.redeliveryOf());
  }

  static void insert(Connection c, List<WebhookTriggerRow> triggers) throws SQLException {
    if (triggers.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO webhook_triggers ("
                + TRIGGER_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (WebhookTriggerRow t : triggers) {
        int i = 0;
        s.setString(++i, t.deliveryId());
        s.setInt(++i, t.seq());
        s.setString(++i, t.rule());
        s.setString(++i, t.cluster());
        s.setString(++i, t.namespace());
        s.setString(++i, t.kind());
        s.setString(++i, t.name());
        s.setString(++i, t.container());
        s.setString(++i, t.image());
        s.setString(++i, t.parameters());
        s.setString(++i, t.status());
        s.setString(++i, t.deploymentId());
        s.setString(++i, t.reason());
        Timestamps.set(s, ++i, t.updatedAt());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** Triggers in {@code status}, in the order their deliveries arrived. */
  static List<WebhookTriggerRow> triggersIn(Connection c, String status, int limit)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + prefixed("t.", TRIGGER_COLUMNS)
                + " FROM webhook_triggers t JOIN webhook_deliveries d ON d.id = t.delivery_id"
                + " WHERE t.status = ? ORDER BY d.received_at, t.delivery_id, t.seq")) {
      s.setString(1, status);
      s.setMaxRows(limit);
      return triggers(s);
    }
  }

  /** The triggers of the deliveries, in delivery then sequence order. */
  static List<WebhookTriggerRow> triggersOf(Connection c, List<String> deliveryIds)
      throws SQLException {
    if (deliveryIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + TRIGGER_COLUMNS
                + " FROM webhook_triggers WHERE delivery_id IN ("
                + String.join(", ", java.util.Collections.nCopies(deliveryIds.size(), "?"))
                + ") ORDER BY delivery_id, seq")) {
      for (int i = 0; i < deliveryIds.size(); i++) {
        s.setString(i + 1, deliveryIds.get(i));
      }
      return triggers(s);
    }
  }

  /** Moves a trigger on from {@code from}; returns whether it was in {@code from}. */
  static boolean move(
      Connection c,
      String deliveryId,
      int seq,
      String from,
      String to,
      String deploymentId,
      String image,
      String reason,
      Instant at)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE webhook_triggers SET status = ?, deployment_id = COALESCE(?, deployment_id),"
                + " image = COALESCE(?, image), reason = ?, updated_at = ?"
                + " WHERE delivery_id = ? AND seq = ? AND status = ?")) {
      s.setString(1, to);
      s.setString(2, deploymentId);
      s.setString(3, image);
      s.setString(4, reason);
      Timestamps.set(s, 5, at);
      s.setString(6, deliveryId);
      s.setInt(7, seq);
      s.setString(8, from);
      boolean moved = s.executeUpdate() == 1;
      if (moved) {
        closeIfDone(c, deliveryId);
      }
      return moved;
    }
  }

  /**
   * Moves triggers from {@code from} to {@code to}, each with its reason, as two JDBC batches;
   * returns how many were in {@code from}.
   */
  static int moveAll(
      Connection c,
      List<WebhookTriggerRow> triggers,
      List<String> reasons,
      String from,
      String to,
      Instant at)
      throws SQLException {
    List<String> moved = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE webhook_triggers SET status = ?, reason = ?, updated_at = ?"
                + " WHERE delivery_id = ? AND seq = ? AND status = ?")) {
      for (int i = 0; i < triggers.size(); i++) {
        s.setString(1, to);
        s.setString(2, reasons.get(i));
        Timestamps.set(s, 3, at);
        s.setString(4, triggers.get(i).deliveryId());
        s.setInt(5, triggers.get(i).seq());
        s.setString(6, from);
        s.addBatch();
      }
      int[] counts = s.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 1) {
          moved.add(triggers.get(i).deliveryId());
        }
      }
    }
    if (!moved.isEmpty()) {
      try (PreparedStatement s = c.prepareStatement(FINAL_UNLESS_OPEN)) {
        for (String deliveryId : moved) {
          s.setString(1, deliveryId);
          s.setString(2, deliveryId);
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    return moved.size();
  }

  /** Marks the delivery PROCESSED once none of its triggers is pending or running. */
  static void closeIfDone(Connection c, String deliveryId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(FINAL_UNLESS_OPEN)) {
      s.setString(1, deliveryId);
      s.setString(2, deliveryId);
      s.executeUpdate();
    }
  }

  static List<WebhookDelivery> deliveries(Connection c, String where, String value, int limit)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + DELIVERY_COLUMNS
                + " FROM webhook_deliveries"
                + (where == null ? "" : " WHERE " + where + " = ?")
                + " ORDER BY received_at DESC, id DESC")) {
      if (where != null) {
        s.setString(1, value);
      }
      s.setMaxRows(limit);
      List<WebhookDelivery> result = new ArrayList<>();
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          result.add(
              new WebhookDelivery(
                  row.getString("id"),
                  row.getString("source"),
                  row.getString("hook"),
                  row.getString("dedupe_key"),
                  row.getString("event"),
                  Timestamps.get(row, "received_at"),
                  row.getString("body_sha256"),
                  row.getInt("body_size"),
                  row.getString("verification"),
                  row.getString("status"),
                  row.getString("reason"),
                  row.getString("headers_json"),
                  row.getString("events_json"),
                  row.getString("redelivery_of")));
        }
      }
      return result;
    }
  }

  private static List<WebhookTriggerRow> triggers(PreparedStatement s) throws SQLException {
    List<WebhookTriggerRow> result = new ArrayList<>();
    try (ResultSet row = s.executeQuery()) {
      while (row.next()) {
        result.add(
            new WebhookTriggerRow(
                row.getString("delivery_id"),
                row.getInt("seq"),
                row.getString("rule_name"),
                row.getString("cluster"),
                row.getString("namespace"),
                row.getString("kind"),
                row.getString("name"),
                row.getString("container"),
                row.getString("image"),
                row.getString("parameters"),
                row.getString("status"),
                row.getString("deployment_id"),
                row.getString("reason"),
                Timestamps.get(row, "updated_at")));
      }
    }
    return result;
  }

  private static String prefixed(String prefix, String columns) {
    return prefix + columns.replace(", ", ", " + prefix);
  }
}
