package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the {@code deployments} table: rows in, records out. */
final class DeploymentRows {

  private static final String COLUMNS =
      "id, cluster, namespace, kind, name, container, image_before, image_after,"
          + " image_requested, strategy, strategy_parameters, trigger_type, trigger_value,"
          + " started_at, finished_at, outcome, reason";

  // INSERT ... WHERE NOT EXISTS rather than a dialect's upsert: both databases accept it, and a
  // retried write of a row that already landed changes nothing.
  private static final String INSERT_IF_ABSENT =
      "INSERT INTO deployments ("
          + COLUMNS
          + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
          + " WHERE NOT EXISTS (SELECT 1 FROM deployments WHERE id = ?)";

  private static final String FINISH =
      "UPDATE deployments SET outcome = ?, finished_at = ?, reason = ?,"
          + " image_after = COALESCE(?, image_after) WHERE id = ?";

  private DeploymentRows() {}

  /** Inserts the record unless a row with its id exists; true when it inserted. */
  static boolean insertIfAbsent(Connection connection, DeploymentRecord r) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(INSERT_IF_ABSENT)) {
      int i = 0;
      s.setString(++i, r.id());
      s.setString(++i, r.cluster());
      s.setString(++i, r.namespace());
      s.setString(++i, r.kind());
      s.setString(++i, r.name());
      s.setString(++i, r.container());
      s.setString(++i, r.imageBefore());
      s.setString(++i, r.imageAfter());
      s.setString(++i, r.imageRequested());
      s.setString(++i, r.strategy());
      s.setString(++i, ParametersJson.write(r.strategyParameters()));
      s.setString(++i, r.trigger().type().name());
      s.setString(++i, r.trigger().value());
      Timestamps.set(s, ++i, r.startedAt());
      Timestamps.set(s, ++i, r.finishedAt());
      s.setString(++i, r.outcome().name());
      s.setString(++i, r.reason());
      s.setString(++i, r.id());
      return s.executeUpdate() == 1;
    }
  }

  /** Sets how a deployment ended; a null image keeps the stored one. Returns the rows changed. */
  static int finish(
      Connection connection,
      String id,
      Outcome outcome,
      Instant finishedAt,
      String reason,
      String imageAfter)
      throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(FINISH)) {
      s.setString(1, outcome.name());
      Timestamps.set(s, 2, finishedAt);
      s.setString(3, reason);
      if (imageAfter == null) {
        s.setNull(4, Types.VARCHAR);
      } else {
        s.setString(4, imageAfter);
      }
      s.setString(5, id);
      return s.executeUpdate();
    }
  }

  /** The records matching the query, newest first; optionally only those started up to a time. */
  static List<DeploymentRecord> select(
      Connection connection, HistoryQuery query, Instant startedNoLaterThan, String excludingId)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM deployments");
    List<Object> parameters = new ArrayList<>();
    String and = " WHERE ";
    for (var filter :
        List.of(
            new Filter("cluster", query.cluster().orElse(null)),
            new Filter("namespace", query.namespace().orElse(null)),
            new Filter("kind", query.kind().orElse(null)),
            new Filter("name", query.name().orElse(null)),
            new Filter("outcome", query.outcome().map(Outcome::name).orElse(null)),
            new Filter("id <> ?", excludingId),
            new Filter("started_at <= ?", startedNoLaterThan))) {
      if (filter.value() != null) {
        sql.append(and).append(filter.condition());
        parameters.add(filter.value());
        and = " AND ";
      }
    }
    sql.append(" ORDER BY started_at DESC, id DESC LIMIT ?");
    parameters.add(query.limit());
    try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        Object value = parameters.get(i);
        if (value instanceof Instant instant) {
          Timestamps.set(s, i + 1, instant);
        } else if (value instanceof Integer number) {
          s.setInt(i + 1, number);
        } else {
          s.setString(i + 1, (String) value);
        }
      }
      try (ResultSet rows = s.executeQuery()) {
        List<DeploymentRecord> records = new ArrayList<>();
        while (rows.next()) {
          records.add(read(rows));
        }
        return records;
      }
    }
  }

  static List<DeploymentRecord> byId(Connection connection, String id) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM deployments WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rows = s.executeQuery()) {
        List<DeploymentRecord> records = new ArrayList<>();
        while (rows.next()) {
          records.add(read(rows));
        }
        return records;
      }
    }
  }

  private static DeploymentRecord read(ResultSet row) throws SQLException {
    return DeploymentRecord.builder()
        .id(row.getString("id"))
        .cluster(row.getString("cluster"))
        .namespace(row.getString("namespace"))
        .kind(row.getString("kind"))
        .name(row.getString("name"))
        .container(row.getString("container"))
        .imageBefore(row.getString("image_before"))
        .imageAfter(row.getString("image_after"))
        .imageRequested(row.getString("image_requested"))
        .strategy(row.getString("strategy"))
        .strategyParameters(ParametersJson.read(row.getString("strategy_parameters")))
        .trigger(
            new Trigger(
                Trigger.Type.valueOf(row.getString("trigger_type")),
                row.getString("trigger_value")))
        .startedAt(Timestamps.get(row, "started_at"))
        .finishedAt(Timestamps.get(row, "finished_at"))
        .outcome(Outcome.valueOf(row.getString("outcome")))
        .reason(row.getString("reason"))
        .build();
  }

  /** A column compared to a value, or a whole condition when it holds the placeholder. */
  private record Filter(String column, Object value) {
    String condition() {
      return column.contains("?") ? column : column + " = ?";
    }
  }
}
