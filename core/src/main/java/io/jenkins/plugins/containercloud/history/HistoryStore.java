package io.jenkins.plugins.containercloud.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The durable record of deployments and their events, over JDBC: an embedded H2 file or PostgreSQL.
 * Every write is one transaction, so a process killed in the middle of one leaves either all of it
 * or nothing; writes are idempotent, so retrying one that may have landed is safe. Safe for use by
 * several threads: each operation takes a connection of its own.
 *
 * <p>Writes throw {@link HistoryException} when the database fails; a rollout should write through
 * a {@link RetryingHistoryWriter}, which retries and never throws.
 */
public final class HistoryStore implements AutoCloseable {

  private final HistoryDatabase database;
  private final Connections connections;
  private final ThreadLocal<Turn> turns = new ThreadLocal<>();
  private volatile boolean closed;

  private HistoryStore(HistoryDatabase database, Connections connections) {
    this.database = database;
    this.connections = connections;
  }

  /**
   * Connects, brings the schema up to date, and returns the store. Fails with a message naming the
   * database (never its password) when it cannot be reached, refuses the credentials, or cannot be
   * migrated.
   */
  public static HistoryStore open(HistoryDatabase database) {
    Objects.requireNonNull(database, "database");
    Connections connections;
    try {
      connections = Connections.of(database);
    } catch (SQLException e) {
      throw OpenFailure.of(database, e);
    }
    Connection first;
    try {
      first = connections.borrow();
    } catch (SQLException e) {
      connections.close();
      throw OpenFailure.of(database, e);
    }
    // Migrated while the first connection is held: on the embedded file that is this process's
    // turn, so no other process sees a half-made schema, and the file stays open meanwhile.
    boolean failed = true;
    try {
      Migrations.migrate(database, connections.dataSource());
      failed = false;
    } finally {
      connections.release(first, failed);
      if (failed) {
        connections.close();
      }
    }
    return new HistoryStore(database, connections);
  }

  /** The database this store writes to. */
  public HistoryDatabase database() {
    return database;
  }

  /** Records a deployment as it starts; does nothing when its id is already stored. */
  public void started(DeploymentRecord record) {
    inTransaction(
        "writing the start of deployment " + record.id(),
        connection -> DeploymentRows.insertIfAbsent(connection, record));
  }

  /**
   * Records how deployment {@code id} ended. A null {@code imageAfter} keeps the image it started
   * with; {@code reason} is cut to 4000 characters. Fails (not transiently) when no deployment
   * {@code id} is stored.
   */
  public void finished(
      String id, Outcome outcome, Instant finishedAt, String reason, String imageAfter) {
    String deploymentId = Fields.uuid("id", id);
    if (!Objects.requireNonNull(outcome, "outcome").isFinal()) {
      throw new IllegalArgumentException(
          "a deployment finishes with a final outcome, not " + outcome);
    }
    Instant end = Fields.micros(Objects.requireNonNull(finishedAt, "finishedAt"));
    String why = Fields.truncated(reason, Fields.REASON);
    String image = Fields.optional("imageAfter", imageAfter, Fields.IMAGE);
    int changed =
        inTransaction(
            "writing the outcome " + outcome + " of deployment " + deploymentId,
            connection ->
                DeploymentRows.finish(connection, deploymentId, outcome, end, why, image));
    if (changed == 0) {
      throw new HistoryException(
          "cannot write the outcome "
              + outcome
              + " of deployment "
              + deploymentId
              + ": no such deployment is stored; write its start first",
          null,
          false);
    }
  }

  /** Records one event of a stored deployment; does nothing when its sequence is stored. */
  public void event(DeploymentEvent event) {
    inTransaction(
        "writing event " + event.sequence() + " of deployment " + event.deploymentId(),
        connection -> {
          EventRows.insertIfAbsent(connection, List.of(event));
          return null;
        });
  }

  /**
   * Writes a deployment and events of it in one transaction: a new record is inserted, a stored one
   * takes the record's outcome, end, reason and image after; events whose sequence is stored are
   * kept as they are.
   */
  public void save(DeploymentRecord record, List<DeploymentEvent> events) {
    save(record, events, () -> {});
  }

  /** {@link #save}, calling {@code beforeCommit} inside the transaction (for crash tests). */
  void save(DeploymentRecord record, List<DeploymentEvent> events, Runnable beforeCommit) {
    for (DeploymentEvent event : events) {
      if (!event.deploymentId().equals(record.id())) {
        throw new IllegalArgumentException(
            "event "
                + event.sequence()
                + " belongs to "
                + event.deploymentId()
                + ", not "
                + record.id());
      }
    }
    inTransaction(
        "writing deployment " + record.id() + " with " + events.size() + " events",
        connection -> {
          if (!DeploymentRows.insertIfAbsent(connection, record) && record.outcome().isFinal()) {
            DeploymentRows.finish(
                connection,
                record.id(),
                record.outcome(),
                record.finishedAt(),
                record.reason(),
                record.imageAfter());
          }
          EventRows.insertIfAbsent(connection, events);
          beforeCommit.run();
          return null;
        });
  }

  /** The deployment with this id. */
  public Optional<DeploymentRecord> find(String id) {
    String deploymentId = Fields.uuid("id", id);
    return read(
            "reading deployment " + deploymentId,
            connection -> DeploymentRows.byId(connection, deploymentId))
        .stream()
        .findFirst();
  }

  /** The deployments the query selects, newest first. */
  public List<DeploymentRecord> deployments(HistoryQuery query) {
    return read(
        "listing deployments (" + query + ")",
        connection -> DeploymentRows.select(connection, query, null, null));
  }

  /** The newest {@code limit} deployments. */
  public List<DeploymentRecord> recent(int limit) {
    return deployments(HistoryQuery.all().withLimit(limit));
  }

  /** The newest {@code limit} deployments of one workload. */
  public List<DeploymentRecord> byWorkload(
      String cluster, String namespace, String kind, String name, int limit) {
    return deployments(HistoryQuery.workload(cluster, namespace, kind, name).withLimit(limit));
  }

  /** The newest {@code limit} deployments that ended with {@code outcome}. */
  public List<DeploymentRecord> byOutcome(Outcome outcome, int limit) {
    return deployments(
        HistoryQuery.all()
            .withOutcome(Objects.requireNonNull(outcome, "outcome"))
            .withLimit(limit));
  }

  /** The events of a deployment, in sequence. */
  public List<DeploymentEvent> events(String deploymentId) {
    String id = Fields.uuid("deploymentId", deploymentId);
    return read(
        "reading the events of deployment " + id, connection -> EventRows.select(connection, id));
  }

  /**
   * The last successful deployment of a workload before deployment {@code excludingId} (started no
   * later than it, and not it): what a rollback of that deployment returns to. With a null or
   * unknown {@code excludingId}, the workload's last successful deployment.
   */
  public Optional<DeploymentRecord> previousSuccessful(
      String cluster, String namespace, String kind, String name, String excludingId) {
    HistoryQuery query =
        HistoryQuery.workload(cluster, namespace, kind, name)
            .withOutcome(Outcome.SUCCEEDED)
            .withLimit(1);
    String excluded = excludingId == null ? null : Fields.uuid("excludingId", excludingId);
    return read(
            "finding the deployment before "
                + excluded
                + " of "
                + kind
                + " "
                + namespace
                + "/"
                + name,
            connection -> {
              Instant before =
                  excluded == null
                      ? null
                      : DeploymentRows.byId(connection, excluded).stream()
                          .findFirst()
                          .map(DeploymentRecord::startedAt)
                          .orElse(null);
              return DeploymentRows.select(connection, query, before, excluded);
            })
        .stream()
        .findFirst();
  }

  /** Records one event of the autoscaler; does nothing when its id is already stored. */
  public void scalingEvent(ScalingEvent event) {
    inTransaction(
        "writing scaling event " + event.type() + " of pool " + event.pool(),
        connection -> {
          ScalingRows.insertIfAbsent(connection, event);
          return null;
        });
  }

  /** The newest {@code limit} events of the autoscaler of {@code cluster}, newest first. */
  public List<ScalingEvent> scalingEvents(String cluster, int limit) {
    return read(
        "listing the scaling events of cluster " + cluster,
        connection -> ScalingRows.recent(connection, cluster, limit));
  }

  /**
   * The scale-ups of {@code cluster} that were requested but whose provider call has no recorded
   * end: after a crash they are repeated with their idempotency key, which makes nothing twice.
   */
  public List<ScalingEvent> unfinishedScaleUps(String cluster) {
    return read(
        "listing the unfinished scale-ups of cluster " + cluster,
        connection -> ScalingRows.unfinished(connection, cluster));
  }

  /** Every scaling event of {@code type} in {@code cluster}, oldest first. */
  public List<ScalingEvent> scalingEventsOfType(String cluster, String type) {
    return read(
        "listing the " + type + " events of cluster " + cluster,
        connection -> ScalingRows.ofType(connection, cluster, type));
  }

  /**
   * Closes the connections this store keeps (the embedded file, when this process has it open and
   * no other thread is using it). Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    connections.close();
  }

  /**
   * Runs {@code work} with every operation it makes on this thread sharing one connection: on the
   * embedded file that is one turn for all of them, so a burst of writes costs one opening of the
   * file, not one each. A failed operation's connection is dropped and the next one takes another.
   */
  <T> T inOneTurn(Supplier<T> work) {
    if (turns.get() != null) {
      return work.get();
    }
    Turn turn = new Turn();
    turns.set(turn);
    try {
      return work.get();
    } finally {
      turns.remove();
      turn.end(false);
    }
  }

  <T> T read(String what, Work<T> work) {
    return withConnection(
        what,
        connection -> {
          connection.setReadOnly(true);
          return work.run(connection);
        });
  }

  <T> T inTransaction(String what, Work<T> work) {
    return withConnection(
        what,
        connection -> {
          connection.setAutoCommit(false);
          try {
            T result = work.run(connection);
            connection.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
          }
        });
  }

  private <T> T withConnection(String what, Work<T> work) {
    ensureOpen(what);
    Turn turn = turns.get();
    if (turn != null) {
      return turn.run(what, work);
    }
    Connection connection;
    try {
      connection = connections.borrow();
    } catch (SQLException e) {
      throw HistoryException.of(what, e);
    }
    boolean failed = true;
    try {
      T result = work.run(connection);
      failed = false;
      return result;
    } catch (SQLException e) {
      throw HistoryException.of(what, e);
    } finally {
      connections.release(connection, failed);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is broken; the server drops the transaction with it.
      cause.addSuppressed(e);
    }
  }

  private void ensureOpen(String what) {
    if (closed) {
      throw new HistoryException(what + " failed: the history store is closed", null, false);
    }
  }

  /** The connection that a thread's operations share inside {@link #inOneTurn}, once borrowed. */
  private final class Turn {
    private Connection connection;

    <T> T run(String what, Work<T> work) {
      boolean failed = true;
      try {
        if (connection == null) {
          connection = connections.borrow();
        }
        T result = work.run(connection);
        connection.setAutoCommit(true);
        connection.setReadOnly(false);
        failed = false;
        return result;
      } catch (SQLException e) {
        throw HistoryException.of(what, e);
      } finally {
        if (failed) {
          end(true);
        }
      }
    }

    void end(boolean failed) {
      if (connection != null) {
        connections.release(connection, failed);
        connection = null;
      }
    }
  }

  /** One unit of JDBC work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
