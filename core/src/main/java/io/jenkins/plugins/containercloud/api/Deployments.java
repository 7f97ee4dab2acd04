package io.jenkins.plugins.containercloud.api;

import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.history.DeploymentEvent;
import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryException;
import io.jenkins.plugins.containercloud.history.HistoryQuery;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.Outcome;
import io.jenkins.plugins.containercloud.history.RetryingHistoryWriter;
import io.jenkins.plugins.containercloud.history.Trigger;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.InvalidReferenceException;
import io.jenkins.plugins.containercloud.rollout.ApplyResult;
import io.jenkins.plugins.containercloud.rollout.DeploymentRollout;
import io.jenkins.plugins.containercloud.rollout.ManifestApply;
import io.jenkins.plugins.containercloud.rollout.ReplicationControllerRollingUpdate;
import io.jenkins.plugins.containercloud.rollout.RolloutListener;
import io.jenkins.plugins.containercloud.rollout.RolloutParameters;
import io.jenkins.plugins.containercloud.rollout.RolloutRequest;
import io.jenkins.plugins.containercloud.rollout.RolloutResult;
import io.jenkins.plugins.containercloud.rollout.WorkloadKind;
import io.jenkins.plugins.containercloud.rollout.WorkloadStatus;
import io.jenkins.plugins.containercloud.rollout.WorkloadStatusReader;
import io.jenkins.plugins.containercloud.rollout.WorkloadTarget;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys, rolls back and reads back what happened: runs the rollout engine and records every
 * rollout, with its events and outcome, in the history. What the command line, the server and the
 * plugin call.
 */
public final class Deployments implements AutoCloseable {

  /** How long a read of the history waits for this process's own writes to land first. */
  private static final java.time.Duration READ_YOUR_WRITES = java.time.Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(Deployments.class);

  private final HistoryStore store;
  private final RetryingHistoryWriter writer;
  private final Set<String> active = ConcurrentHashMap.newKeySet();

  private Deployments(HistoryStore store) {
    this.store = store;
    this.writer = RetryingHistoryWriter.start(store);
  }

  /** The autoscaler's record in the same history database. */
  public io.jenkins.plugins.containercloud.scale.ScalingLog scalingLog() {
    return io.jenkins.plugins.containercloud.scale.ScalingLog.of(store);
  }

  /** The webhook deliveries in the same history database. */
  public WebhookHistory webhooks() {
    return new WebhookHistory(store);
  }

  /** Opens (and migrates) the history database. */
  public static Deployments open(HistoryDatabase database) {
    return new Deployments(HistoryStore.open(database));
  }

  /**
   * Rolls the request's image out to its workload, waits for the result (rolling back on failure
   * unless told not to) and records it.
   *
   * @throws io.jenkins.plugins.containercloud.rollout.InvalidRolloutException before any change
   */
  public DeploymentReport deploy(
      Cluster cluster, RolloutRequest request, Trigger trigger, RolloutListener listener) {
    return deploy(cluster, request, trigger, listener, DeploymentRecord.newId(), "deploy");
  }

  /**
   * As {@link #deploy(Cluster, RolloutRequest, Trigger, RolloutListener)}, recorded under an id the
   * caller chose beforehand (from {@link DeploymentRecord#newId()}), so that a host can answer with
   * the id before the rollout ends; {@code action} {@code rollback} records the rollout as a
   * rollback to the request's image (the dashboard's Rollback button).
   */
  public DeploymentReport deploy(
      Cluster cluster,
      RolloutRequest request,
      Trigger trigger,
      RolloutListener listener,
      String deploymentId,
      String action) {
    WorkloadTarget target = request.target();
    WorkloadStatus before = WorkloadStatusReader.read(cluster, target);
    String strategy =
        "rollback".equals(action)
            ? "rollback"
            : target.kind() == WorkloadKind.REPLICATION_CONTROLLER ? "rolling-update" : "rollout";
    DeploymentRecord record =
        record(cluster, target, strategy, request.parameters(), trigger)
            .id(deploymentId)
            .imageBefore(before.describeImages())
            .imageAfter(request.image().toString())
            .imageRequested(request.image().toString())
            .build();
    return run(
        record,
        listener,
        recording ->
            target.kind() == WorkloadKind.REPLICATION_CONTROLLER
                ? ReplicationControllerRollingUpdate.update(cluster, request, recording)
                : DeploymentRollout.rollout(cluster, request, recording));
  }

  /**
   * Restores the image that ran before the workload's last successful deployment in the history;
   * without history, undoes through the cluster (the RC's recorded previous images, or the
   * Deployment's previous revision).
   */
  public DeploymentReport rollback(
      Cluster cluster,
      WorkloadTarget target,
      RolloutParameters parameters,
      Trigger trigger,
      RolloutListener listener) {
    WorkloadStatus before = WorkloadStatusReader.read(cluster, target);
    Optional<ImageReference> previous = previousImage(cluster, target);
    DeploymentRecord record =
        record(cluster, target, "rollback", parameters, trigger)
            .imageBefore(before.describeImages())
            .imageAfter(previous.map(ImageReference::toString).orElse(null))
            .imageRequested(previous.map(ImageReference::toString).orElse(null))
            .build();
    if (previous.isPresent()) {
      RolloutRequest request =
          new RolloutRequest(
              target, previous.get(), parameters, "container-cloud: rollback to " + previous.get());
      return run(
          record,
          listener,
          recording ->
              target.kind() == WorkloadKind.REPLICATION_CONTROLLER
                  ? ReplicationControllerRollingUpdate.update(cluster, request, recording)
                  : DeploymentRollout.rollout(cluster, request, recording));
    }
    return run(
        record,
        listener,
        recording ->
            target.kind() == WorkloadKind.REPLICATION_CONTROLLER
                ? ReplicationControllerRollingUpdate.rollback(
                    cluster, target, parameters, recording)
                : DeploymentRollout.rollback(cluster, target, parameters, recording));
  }

  /** Applies manifests (see {@link ManifestApply}) and records the apply as one deployment. */
  public ApplyReport apply(
      Cluster cluster,
      String namespace,
      String name,
      Map<String, String> manifests,
      Optional<ImageReference> image,
      RolloutParameters parameters,
      Trigger trigger,
      RolloutListener listener) {
    String id = DeploymentRecord.newId();
    DeploymentRecord record =
        DeploymentRecord.builder()
            .id(id)
            .cluster(cluster.name())
            .namespace(namespace)
            .kind("Manifests")
            .name(name)
            .imageAfter(image.map(ImageReference::toString).orElse(null))
            .imageRequested(image.map(ImageReference::toString).orElse(null))
            .strategy("apply")
            .strategyParameters(parameters.describe())
            .trigger(trigger)
            .startedAt(Instant.now())
            .outcome(Outcome.RUNNING)
            .build();
    writeAhead(record);
    RolloutListener recording = RolloutListener.all(List.of(listener, recorder(id)));
    ApplyResult result;
    try {
      result =
          ManifestApply.apply(
              cluster, namespace, manifests, image, parameters, changeCause(trigger), recording);
    } catch (RuntimeException e) {
      writer.finished(id, Outcome.FAILED, Instant.now(), "refused: " + e.getMessage(), null);
      throw e;
    }
    writer.finished(
        id,
        Outcome.valueOf(result.outcome().name()),
        Instant.now(),
        result.reason(),
        image.map(ImageReference::toString).orElse(null));
    return new ApplyReport(id, result);
  }

  /** The workload's rollout state, from the cluster's caches. */
  public WorkloadStatus status(Cluster cluster, WorkloadTarget target) {
    return WorkloadStatusReader.read(cluster, target);
  }

  /** Recorded deployments, newest first. */
  public List<DeploymentRecord> history(HistoryQuery query) {
    awaitOwnWrites();
    return store.deployments(query);
  }

  /** One recorded deployment. */
  public Optional<DeploymentRecord> find(String deploymentId) {
    awaitOwnWrites();
    return store.find(deploymentId);
  }

  /** The events of one recorded deployment, in order. */
  public List<DeploymentEvent> events(String deploymentId) {
    awaitOwnWrites();
    return store.events(deploymentId);
  }

  /** Waits (bounded) until every history write has reached the database, then closes it. */
  @Override
  public void close() {
    writer.close();
    store.close();
  }

  private DeploymentReport run(
      DeploymentRecord record,
      RolloutListener listener,
      Function<RolloutListener, RolloutResult> rollout) {
    closeAbandoned(record);
    active.add(record.id());
    writeAhead(record);
    RolloutListener recording = RolloutListener.all(List.of(listener, recorder(record.id())));
    RolloutResult result;
    try {
      result = rollout.apply(recording);
    } catch (RuntimeException e) {
      writer.finished(
          record.id(), Outcome.FAILED, Instant.now(), "refused: " + e.getMessage(), null);
      throw e;
    } finally {
      active.remove(record.id());
    }
    writer.finished(
        record.id(),
        Outcome.valueOf(result.outcome().name()),
        Instant.now(),
        result.reason(),
        result.imageAfter());
    return new DeploymentReport(record.id(), result);
  }

  /**
   * Marks INTERRUPTED the records of this workload still RUNNING: their process stopped without
   * saying how they ended (killed, or the machine went down), and this rollout takes over — an RC
   * update resumes where they stopped.
   */
  private void closeAbandoned(DeploymentRecord next) {
    HistoryQuery running =
        HistoryQuery.workload(next.cluster(), next.namespace(), next.kind(), next.name())
            .withOutcome(Outcome.RUNNING)
            .withLimit(HistoryQuery.MAX_LIMIT);
    awaitOwnWrites();
    for (DeploymentRecord abandoned : store.deployments(running)) {
      if (active.contains(abandoned.id())) {
        continue; // still running in this process (another build deploying the same workload)
      }
      writer.finished(
          abandoned.id(),
          Outcome.INTERRUPTED,
          Instant.now(),
          "its process stopped before the rollout ended; deployment " + next.id() + " took over",
          null);
    }
  }

  /**
   * Commits the record before the rollout's first change to the cluster, so that a process killed
   * in the middle leaves it RUNNING, for the next rollout of the workload to mark INTERRUPTED. When
   * the history cannot take it now, the rollout goes on (a deploy never fails because of the
   * history) and the writer keeps trying, in order before the rollout's events.
   */
  private void writeAhead(DeploymentRecord record) {
    awaitOwnWrites();
    try {
      store.started(record);
    } catch (HistoryException e) {
      LOG.warn(
          "deployment {} starts before its record is in the history; it is queued: {}",
          record.id(),
          e.getMessage());
      writer.started(record);
    }
  }

  /** Lets this process's queued writes reach the database (bounded) before it reads. */
  private void awaitOwnWrites() {
    try {
      writer.flush(READ_YOUR_WRITES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private RolloutListener recorder(String id) {
    AtomicInteger sequence = new AtomicInteger();
    return event ->
        writer.event(
            new DeploymentEvent(
                id, sequence.incrementAndGet(), event.time(), event.type(), event.describe()));
  }

  private Optional<ImageReference> previousImage(Cluster cluster, WorkloadTarget target) {
    awaitOwnWrites();
    Optional<DeploymentRecord> last =
        store.previousSuccessful(
            cluster.name(), target.namespace(), target.kind().apiKind(), target.name(), null);
    return last.map(DeploymentRecord::imageBefore).flatMap(Deployments::singleImage);
  }

  private static Optional<ImageReference> singleImage(String described) {
    if (described == null || described.contains("=")) {
      return Optional.empty();
    }
    try {
      return Optional.of(ImageReference.parse(described));
    } catch (InvalidReferenceException e) {
      return Optional.empty();
    }
  }

  private static DeploymentRecord.Builder record(
      Cluster cluster,
      WorkloadTarget target,
      String strategy,
      RolloutParameters parameters,
      Trigger trigger) {
    return DeploymentRecord.builder()
        .id(DeploymentRecord.newId())
        .cluster(cluster.name())
        .namespace(target.namespace())
        .kind(target.kind().apiKind())
        .name(target.name())
        .container(target.container())
        .strategy(strategy)
        .strategyParameters(parameters.describe())
        .trigger(trigger)
        .startedAt(Instant.now())
        .outcome(Outcome.RUNNING);
  }

  private static String changeCause(Trigger trigger) {
    return "container-cloud apply ("
        + trigger.type().name().toLowerCase(Locale.ROOT)
        + " "
        + trigger.value()
        + ")";
  }
}
