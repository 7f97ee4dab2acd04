package io.jenkins.plugins.containercloud.history;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook deliveries and their triggers in the history database: stored in one transaction
 * before the sender gets its answer, de-duplicated by the database's unique key (so two replicas
 * racing on one retry store it once), and moved through their states by conditional updates (so one
 * process runs each trigger).
 */
public final class WebhookHistory {

  /** The most characters of output stored per pipeline step (the column's size). */
  public static final int MAX_LOG = 65_536;

  private static final String UNIQUE_VIOLATION = "23505";

  private final HistoryStore store;

  public WebhookHistory(HistoryStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Stores a delivery with its triggers, unless a delivery with the same hook and de-duplication
   * key is stored: then nothing is written and that delivery's id is returned.
   */
  public Optional<String> insert(WebhookDelivery delivery, List<WebhookTriggerRow> triggers) {
    checkTriggers(delivery, triggers);
    try {
      return store.inTransaction(
          "storing webhook delivery " + delivery.id(),
          c -> {
            if (delivery.dedupeKey() != null) {
              Optional<String> stored =
                  WebhookRows.idByKey(c, delivery.hook(), delivery.dedupeKey());
              if (stored.isPresent()) {
                return stored;
              }
            }
            WebhookRows.insert(c, delivery);
            WebhookRows.insert(c, triggers);
            return Optional.<String>empty();
          });
    } catch (HistoryException e) {
      // Another replica (or thread) stored the same key between the check and the insert.
      if (e.getCause() instanceof SQLException sql
          && uniqueViolation(sql)
          && delivery.dedupeKey() != null) {
        return store.read(
            "finding webhook delivery " + delivery.dedupeKey(),
            c -> WebhookRows.idByKey(c, delivery.hook(), delivery.dedupeKey()));
      }
      throw e;
    }
  }

  /** A delivery with its triggers, to store. */
  public record Insert(WebhookDelivery delivery, List<WebhookTriggerRow> triggers) {}

  /**
   * Stores several deliveries in one transaction (one turn on the embedded file, one commit on a
   * server): a burst from many senders costs one commit, not one each. Returns, in order, what
   * {@link #insert} would for each; a delivery whose key came earlier in the same batch is a
   * duplicate of that one. When another process stored one of the keys meanwhile, the batch is
   * rolled back and each delivery is stored on its own.
   */
  public List<Optional<String>> insertAll(List<Insert> inserts) {
    if (inserts.size() == 1) {
      return List.of(insert(inserts.get(0).delivery(), inserts.get(0).triggers()));
    }
    for (Insert i : inserts) {
      checkTriggers(i.delivery(), i.triggers());
    }
    try {
      return store.inTransaction(
          "storing " + inserts.size() + " webhook deliveries",
          c -> {
            // The inserts go as one JDBC batch per table (one round trip to a server). The key
            // look-ups stay one statement each: the same prepared statement every time, which
            // PostgreSQL plans once; one look-up of all keys (an IN list as long as the batch)
            // made the intake half as fast.
            Map<List<String>, String> earlierInBatch = new HashMap<>();
            List<Optional<String>> results = new ArrayList<>();
            List<WebhookDelivery> deliveries = new ArrayList<>();
            List<WebhookTriggerRow> triggers = new ArrayList<>();
            for (Insert i : inserts) {
              WebhookDelivery d = i.delivery();
              Optional<String> stored = Optional.empty();
              if (d.dedupeKey() != null) {
                List<String> key = List.of(d.hook(), d.dedupeKey());
                stored = Optional.ofNullable(earlierInBatch.get(key));
                if (stored.isEmpty()) {
                  stored = WebhookRows.idByKey(c, d.hook(), d.dedupeKey());
                }
                if (stored.isEmpty()) {
                  earlierInBatch.put(key, d.id());
                }
              }
              if (stored.isEmpty()) {
                deliveries.add(d);
                triggers.addAll(i.triggers());
              }
              results.add(stored);
            }
            WebhookRows.insertDeliveries(c, deliveries);
            WebhookRows.insert(c, triggers);
            return results;
          });
    } catch (HistoryException e) {
      if (e.getCause() instanceof SQLException sql && uniqueViolation(sql)) {
        return inserts.stream().map(i -> insert(i.delivery(), i.triggers())).toList();
      }
      throw e;
    }
  }

  private static void checkTriggers(WebhookDelivery delivery, List<WebhookTriggerRow> triggers) {
    for (WebhookTriggerRow t : triggers) {
      if (!t.deliveryId().equals(delivery.id())) {
        throw new IllegalArgumentException("trigger " + t.seq() + " is not of " + delivery.id());
      }
    }
  }

  /** Whether the failure, or one in its batch, is a unique key's violation. */
  private static boolean uniqueViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (UNIQUE_VIOLATION.equals(s.getSQLState())
          || s.getCause() instanceof SQLException c && UNIQUE_VIOLATION.equals(c.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code work} with all of its operations on this thread sharing one connection: on the
   * embedded file one turn for all, instead of one each.
   */
  public <T> T inOneTurn(java.util.function.Supplier<T> work) {
    return store.inOneTurn(work);
  }

  /** Triggers waiting for the processor, in the order their deliveries arrived. */
  public List<WebhookTriggerRow> pending(int limit) {
    return store.read(
        "listing pending webhook triggers", c -> WebhookRows.triggersIn(c, "PENDING", limit));
  }

  /** Triggers that were started and have not ended (after a crash: the ones it cut short). */
  public List<WebhookTriggerRow> running(int limit) {
    return store.read(
        "listing running webhook triggers", c -> WebhookRows.triggersIn(c, "RUNNING", limit));
  }

  /**
   * Claims a pending trigger for a deployment: true when this call moved it from PENDING to
   * RUNNING, false when another process (or an earlier call) already did.
   */
  public boolean claim(WebhookTriggerRow t, String deploymentId, String image, Instant at) {
    Fields.uuid("deploymentId", deploymentId);
    return move(t, "PENDING", "RUNNING", deploymentId, image, null, at);
  }

  /**
   * Claims a pending trigger that starts a job rather than a deployment: true when this call moved
   * it from PENDING to RUNNING.
   */
  public boolean start(WebhookTriggerRow t, Instant at) {
    return move(t, "PENDING", "RUNNING", null, null, null, at);
  }

  /** Says where a running trigger stands (a job's queued build), keeping it RUNNING. */
  public boolean note(WebhookTriggerRow t, String reason, Instant at) {
    return move(t, "RUNNING", "RUNNING", null, null, reason, at);
  }

  /** Records that a newer delivery for the same workload replaced this pending trigger. */
  public boolean supersede(WebhookTriggerRow t, String reason, Instant at) {
    return move(t, "PENDING", "SUPERSEDED", null, null, reason, at);
  }

  /**
   * {@link #supersede} for several pending triggers in one transaction, each with its reason;
   * returns how many were still pending.
   */
  public int supersedeAll(List<WebhookTriggerRow> triggers, List<String> reasons, Instant at) {
    if (triggers.size() != reasons.size()) {
      throw new IllegalArgumentException(
          triggers.size() + " triggers but " + reasons.size() + " reasons");
    }
    if (triggers.isEmpty()) {
      return 0;
    }
    List<String> why = reasons.stream().map(r -> Fields.truncated(r, Fields.REASON)).toList();
    Instant when = Fields.micros(at);
    return store.inTransaction(
        "superseding " + triggers.size() + " webhook triggers",
        c -> WebhookRows.moveAll(c, triggers, why, "PENDING", "SUPERSEDED", when));
  }

  /** Records how a running trigger ended ({@code outcome} as the deployment's outcome). */
  public boolean finish(WebhookTriggerRow t, String outcome, String reason, Instant at) {
    return move(t, "RUNNING", outcome, null, null, reason, at);
  }

  /** Records that a pending trigger could not start (the reason says why). */
  public boolean fail(WebhookTriggerRow t, String reason, Instant at) {
    return move(t, "PENDING", "FAILED", null, null, reason, at);
  }

  private boolean move(
      WebhookTriggerRow t,
      String from,
      String to,
      String deploymentId,
      String image,
      String reason,
      Instant at) {
    String why = Fields.truncated(reason, Fields.REASON);
    return store.inTransaction(
        "moving webhook trigger " + t.deliveryId() + "/" + t.seq() + " to " + to,
        c ->
            WebhookRows.move(
                c, t.deliveryId(), t.seq(), from, to, deploymentId, image, why, Fields.micros(at)));
  }

  /** How many of these delivery ids are stored (at most 1000 ids at a time). */
  public int stored(List<String> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    if (ids.size() > 1000) {
      throw new IllegalArgumentException("at most 1000 ids at a time");
    }
    return store.read(
        "counting " + ids.size() + " webhook deliveries",
        c -> {
          try (var s =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM webhook_deliveries WHERE id IN ("
                      + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                      + ")")) {
            for (int i = 0; i < ids.size(); i++) {
              s.setString(i + 1, ids.get(i));
            }
            try (var row = s.executeQuery()) {
              row.next();
              return row.getInt(1);
            }
          }
        });
  }

  /** The newest {@code limit} deliveries. */
  public List<WebhookDelivery> recent(int limit) {
    return store.read(
        "listing webhook deliveries", c -> WebhookRows.deliveries(c, null, null, limit));
  }

  public Optional<WebhookDelivery> find(String id) {
    String deliveryId = Fields.uuid("id", id);
    return store
        .read(
            "reading webhook delivery " + deliveryId,
            c -> WebhookRows.deliveries(c, "id", deliveryId, 1))
        .stream()
        .findFirst();
  }

  /** The triggers of a delivery, in order. */
  public List<WebhookTriggerRow> triggers(String deliveryId) {
    String id = Fields.uuid("deliveryId", deliveryId);
    return store.read(
        "reading the triggers of webhook delivery " + id,
        c -> WebhookRows.triggersOf(c, List.of(id)));
  }

  /** The triggers of several deliveries (at most 1000), in delivery and sequence order. */
  public List<WebhookTriggerRow> triggers(List<String> deliveryIds) {
    if (deliveryIds.size() > 1000) {
      throw new IllegalArgumentException("at most 1000 deliveries at a time");
    }
    List<String> ids = deliveryIds.stream().map(i -> Fields.uuid("deliveryId", i)).toList();
    return store.read(
        "reading the triggers of " + ids.size() + " webhook deliveries",
        c -> WebhookRows.triggersOf(c, ids));
  }

  /**
   * Records a pipeline step of a trigger as started (at {@code position}, 1 for the first); the
   * steps an earlier run recorded from that position on are replaced.
   */
  public void startStep(WebhookTriggerRow t, String step, int position, Instant at) {
    store.inTransaction(
        "recording step " + step + " of webhook trigger " + t.deliveryId() + "/" + t.seq(),
        c -> {
          WebhookStepRows.start(c, t.deliveryId(), t.seq(), step, position, Fields.micros(at));
          return null;
        });
  }

  /** Records how a started step ended: SUCCEEDED or FAILED, with a one-sentence detail. */
  public void endStep(WebhookTriggerRow t, String step, String status, String detail, Instant at) {
    endStep(t, step, status, detail, null, at);
  }

  /**
   * As above, with the step's output ({@link #MAX_LOG} characters at most, secrets already masked;
   * null keeps what is stored).
   */
  public void endStep(
      WebhookTriggerRow t, String step, String status, String detail, String log, Instant at) {
    String text = Fields.truncated(detail, Fields.REASON);
    if (log != null && log.length() > MAX_LOG) {
      throw new IllegalArgumentException("a step's log holds at most " + MAX_LOG + " characters");
    }
    store.inTransaction(
        "recording the end of step " + step + " of webhook trigger " + t.deliveryId(),
        c -> {
          WebhookStepRows.end(
              c, t.deliveryId(), t.seq(), step, status, text, log, Fields.micros(at));
          return null;
        });
  }

  /** The stored output of a delivery's pipeline steps that have any. */
  public List<WebhookStepLog> stepLogs(String deliveryId) {
    String id = Fields.uuid("deliveryId", deliveryId);
    return store.read(
        "reading the step logs of webhook delivery " + id, c -> WebhookStepRows.logs(c, id));
  }

  /** Records the image a running trigger's build pushed, pinned by digest. */
  public void pinImage(WebhookTriggerRow t, String image) {
    String pinned = Fields.required("image", image, Fields.IMAGE);
    store.inTransaction(
        "pinning the image of webhook trigger " + t.deliveryId() + "/" + t.seq(),
        c -> {
          WebhookStepRows.pin(c, t.deliveryId(), t.seq(), pinned);
          return null;
        });
  }

  /** The pipeline steps of several deliveries' triggers (at most 1000 deliveries). */
  public List<WebhookStep> steps(List<String> deliveryIds) {
    if (deliveryIds.size() > 1000) {
      throw new IllegalArgumentException("at most 1000 deliveries at a time");
    }
    List<String> ids = deliveryIds.stream().map(i -> Fields.uuid("deliveryId", i)).toList();
    return store.read(
        "reading the steps of " + ids.size() + " webhook deliveries",
        c -> WebhookStepRows.of(c, ids));
  }
}
