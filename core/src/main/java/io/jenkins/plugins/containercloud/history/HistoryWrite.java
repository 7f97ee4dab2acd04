package io.jenkins.plugins.containercloud.history;

import java.time.Instant;
import java.util.List;

/** One write that {@link RetryingHistoryWriter} queues: what to do, and how to name it in a log. */
sealed interface HistoryWrite {

  String deploymentId();

  void applyTo(HistoryStore store);

  /** Names the deployment and, for an end, its outcome, so that a log line alone keeps it. */
  String describe();

  /** {@link HistoryStore#started}. */
  record Started(DeploymentRecord record) implements HistoryWrite {
    @Override
    public String deploymentId() {
      return record.id();
    }

    @Override
    public void applyTo(HistoryStore store) {
      store.started(record);
    }

    @Override
    public String describe() {
      return "the start of deployment "
          + record.id()
          + " ("
          + record.kind()
          + " "
          + record.cluster()
          + "/"
          + record.namespace()
          + "/"
          + record.name()
          + ", "
          + record.imageBefore()
          + " -> "
          + record.imageAfter()
          + ")";
    }
  }

  /** {@link HistoryStore#event}. */
  record Event(DeploymentEvent event) implements HistoryWrite {
    @Override
    public String deploymentId() {
      return event.deploymentId();
    }

    @Override
    public void applyTo(HistoryStore store) {
      store.event(event);
    }

    @Override
    public String describe() {
      return "event "
          + event.sequence()
          + " of deployment "
          + event.deploymentId()
          + " ("
          + event.type()
          + ": "
          + event.message()
          + ")";
    }
  }

  /** {@link HistoryStore#finished}. */
  record Finished(
      String deploymentId, Outcome outcome, Instant finishedAt, String reason, String imageAfter)
      implements HistoryWrite {
    @Override
    public void applyTo(HistoryStore store) {
      store.finished(deploymentId, outcome, finishedAt, reason, imageAfter);
    }

    @Override
    public String describe() {
      return "the outcome of deployment "
          + deploymentId
          + ": "
          + outcome
          + " at "
          + finishedAt
          + (imageAfter == null ? "" : ", image " + imageAfter)
          + (reason == null ? "" : ", reason: " + reason);
    }
  }

  /** {@link HistoryStore#save}. */
  record Saved(DeploymentRecord record, List<DeploymentEvent> events) implements HistoryWrite {
    @Override
    public String deploymentId() {
      return record.id();
    }

    @Override
    public void applyTo(HistoryStore store) {
      store.save(record, events);
    }

    @Override
    public String describe() {
      return "deployment "
          + record.id()
          + " with "
          + events.size()
          + " events: outcome "
          + record.outcome()
          + (record.reason() == null ? "" : ", reason: " + record.reason());
    }
  }
}
