package io.jenkins.plugins.containercloud.api;

import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutStart;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutView;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.events.LiveEvents;
import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.Outcome;
import io.jenkins.plugins.containercloud.history.Trigger;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.InvalidReferenceException;
import io.jenkins.plugins.containercloud.rollout.IntOrPercent;
import io.jenkins.plugins.containercloud.rollout.InvalidRolloutException;
import io.jenkins.plugins.containercloud.rollout.RolloutEvent;
import io.jenkins.plugins.containercloud.rollout.RolloutParameters;
import io.jenkins.plugins.containercloud.rollout.RolloutRequest;
import io.jenkins.plugins.containercloud.rollout.WorkloadKind;
import io.jenkins.plugins.containercloud.rollout.WorkloadStatus;
import io.jenkins.plugins.containercloud.rollout.WorkloadStatusReader;
import io.jenkins.plugins.containercloud.rollout.WorkloadTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rollouts this server starts for the dashboard: validated before anything changes, run in the
 * background through {@link Deployments} (so each is recorded like any other), followed live, and
 * abortable. Finished rollouts stay listed for {@link #KEPT}.
 */
public final class LiveRollouts {

  /** How long a finished rollout stays on the Rollouts page; the history keeps it for good. */
  static final Duration KEPT = Duration.ofMinutes(15);

  private static final Logger LOG = LoggerFactory.getLogger(LiveRollouts.class);

  private final Deployments deployments;
  private final Function<String, Cluster> clusters;
  private final LiveEvents stream;
  private final ExecutorService executor;
  private final Clock clock;
  private final Map<String, LiveRollout> rollouts = new ConcurrentHashMap<>();

  public LiveRollouts(
      Deployments deployments,
      Function<String, Cluster> clusters,
      LiveEvents stream,
      ExecutorService executor,
      Clock clock) {
    this.deployments = deployments;
    this.clusters = clusters;
    this.stream = stream;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * Starts a rollout of {@code start.image} to the workload; returns once it runs.
   *
   * @throws ApiException naming the field at fault, before anything changes
   */
  public RolloutView start(RolloutStart start, String user) {
    if (start == null) {
      throw ApiException.badRequest(null, "the request needs a JSON body with the rollout");
    }
    return launch(start, user, Trigger.user(user), null).view();
  }

  /**
   * Starts a rollout that something other than a dashboard user asked for (a webhook delivery),
   * recorded under {@code deploymentId} with {@code trigger}; the future completes with the
   * rollout's last view once it has ended and been recorded.
   *
   * @throws ApiException naming the field at fault, before anything changes
   */
  public CompletableFuture<RolloutView> startFor(
      RolloutStart start, Trigger trigger, String deploymentId) {
    String by = trigger.type().name().toLowerCase(java.util.Locale.ROOT) + " " + trigger.value();
    return launch(start, by, trigger, deploymentId).ended;
  }

  /** Validates a rollout to start, then launches it. */
  private Launched launch(RolloutStart start, String by, Trigger trigger, String chosenId) {
    Cluster cluster = cluster(start.cluster());
    WorkloadTarget target = target(start);
    ImageReference image = image(start.image());
    RolloutParameters parameters = parameters(start);
    return launch(cluster, target, image, parameters, "deploy", by, trigger, chosenId);
  }

  /**
   * Rolls the workload of the recorded deployment {@code deploymentId} back to the image it ran
   * before that deployment.
   */
  public RolloutView rollback(String deploymentId, String user) {
    DeploymentRecord record =
        findRecord(deploymentId)
            .orElseThrow(
                () -> ApiException.notFound("no deployment " + deploymentId + " in the history"));
    if (record.outcome() == Outcome.RUNNING) {
      throw ApiException.conflict(
          "deployment " + deploymentId + " is still running; abort it instead of rolling it back");
    }
    WorkloadKind kind;
    try {
      kind = WorkloadKind.parse(record.kind());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          null,
          "deployment "
              + deploymentId
              + " applied manifests; roll back by applying the previous ones");
    }
    String before = record.imageBefore();
    if (before == null || before.isBlank() || before.contains("=")) {
      throw ApiException.badRequest(
          null,
          "deployment "
              + deploymentId
              + " does not record a single image it replaced ("
              + (before == null ? "none" : before)
              + "); start a rollout with the image to restore instead");
    }
    Cluster cluster = cluster(record.cluster());
    WorkloadTarget target =
        new WorkloadTarget(record.namespace(), kind, record.name(), record.container());
    return launch(
            cluster,
            target,
            image(before),
            RolloutParameters.defaults(),
            "rollback",
            user,
            Trigger.user(user),
            null)
        .view();
  }

  /** Aborts a running rollout: it rolls back, then ends ROLLED_BACK. */
  public RolloutView abort(String id, String user) {
    LiveRollout rollout = rollouts.get(id);
    if (rollout == null) {
      throw ApiException.notFound("no rollout " + id + " runs on this server");
    }
    if (!rollout.abort()) {
      throw ApiException.conflict("rollout " + id + " has already ended");
    }
    LOG.info("rollout {} aborted by {}", id, user);
    publish(rollout);
    return rollout.view();
  }

  /** Running rollouts and those finished in the last {@link #KEPT}, newest first. */
  public List<RolloutView> list() {
    Instant cutoff = clock.instant().minus(KEPT);
    rollouts.values().removeIf(r -> r.finishedAt() != null && r.finishedAt().isBefore(cutoff));
    return rollouts.values().stream()
        .map(LiveRollout::view)
        .sorted(Comparator.comparing(RolloutView::startedAt).reversed())
        .toList();
  }

  public Optional<RolloutView> get(String id) {
    return Optional.ofNullable(rollouts.get(id)).map(LiveRollout::view);
  }

  private Launched launch(
      Cluster cluster,
      WorkloadTarget target,
      ImageReference image,
      RolloutParameters parameters,
      String action,
      String user,
      Trigger trigger,
      String chosenId) {
    WorkloadStatus status = status(cluster, target);
    if (target.container() != null && !status.images().containsKey(target.container())) {
      throw ApiException.badRequest(
          "container",
          target
              + " has no container "
              + target.container()
              + "; its containers are "
              + String.join(", ", status.images().keySet()));
    }
    for (LiveRollout other : rollouts.values()) {
      if (other.isRunning()
          && other.cluster().equals(cluster.name())
          && other.target().namespace().equals(target.namespace())
          && other.target().name().equals(target.name())
          && other.target().kind() == target.kind()) {
        throw ApiException.conflict(
            target + " is already being rolled out (rollout " + other.id() + "); wait or abort it");
      }
    }
    String id = chosenId == null ? DeploymentRecord.newId() : chosenId;
    LiveRollout rollout =
        new LiveRollout(
            id,
            cluster.name(),
            target,
            image.toString(),
            status.describeImages(),
            action,
            user,
            clock.instant());
    RolloutRequest request =
        new RolloutRequest(
            target,
            image,
            parameters,
            "container-cloud: "
                + action
                + " to "
                + image
                + " by "
                + user
                + (trigger.type() == Trigger.Type.USER ? " from the dashboard" : ""));
    CompletableFuture<RolloutView> ended = new CompletableFuture<>();
    rollouts.put(id, rollout);
    synchronized (rollout) {
      rollout.attach(
          executor.submit(
              () -> {
                try {
                  run(cluster, request, rollout, action, trigger);
                } finally {
                  ended.complete(rollout.view());
                }
              }));
    }
    publish(rollout);
    executor.submit(() -> publishRecord(id));
    return new Launched(rollout, ended);
  }

  /** A rollout just started, and the future of its end. */
  private record Launched(LiveRollout rollout, CompletableFuture<RolloutView> ended) {
    RolloutView view() {
      return rollout.view();
    }
  }

  private void run(
      Cluster cluster,
      RolloutRequest request,
      LiveRollout rollout,
      String action,
      Trigger trigger) {
    try {
      DeploymentReport report =
          deployments.deploy(
              cluster,
              request,
              trigger,
              (RolloutEvent event) -> {
                rollout.on(event);
                publish(rollout);
              },
              rollout.id(),
              action);
      rollout.finished(report.result().outcome().name(), report.result().reason(), clock.instant());
    } catch (RuntimeException e) {
      LOG.debug("rollout {} failed", rollout.id(), e);
      rollout.finished(Outcome.FAILED.name(), sentence(e), clock.instant());
    }
    publish(rollout);
    publishRecord(rollout.id());
  }

  /** Announces the history record of a rollout as it now reads, for the History pages. */
  private void publishRecord(String id) {
    try {
      deployments
          .find(id)
          .ifPresent(record -> stream.publish("deployment", JsonViews.record(record).toString()));
    } catch (RuntimeException e) {
      LOG.debug("could not read deployment {} back from the history", id, e);
    }
  }

  private void publish(LiveRollout rollout) {
    try {
      stream.publish("rollout", DashboardJson.MAPPER.writeValueAsString(rollout.view()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a rollout view could not be written as JSON", e);
    }
  }

  private Optional<DeploymentRecord> findRecord(String id) {
    try {
      return deployments.find(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no deployment " + id + " in the history");
    }
  }

  private Cluster cluster(String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("cluster", "cluster: name the cluster to deploy to");
    }
    return clusters.apply(name);
  }

  private static WorkloadStatus status(Cluster cluster, WorkloadTarget target) {
    try {
      return WorkloadStatusReader.read(cluster, target);
    } catch (InvalidRolloutException e) {
      throw ApiException.badRequest("name", e.getMessage());
    }
  }

  private static WorkloadTarget target(RolloutStart start) {
    WorkloadKind kind;
    try {
      kind = WorkloadKind.parse(start.kind() == null ? "" : start.kind());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "kind", "kind: '" + start.kind() + "' is not Deployment or ReplicationController");
    }
    try {
      return new WorkloadTarget(start.namespace(), kind, start.name(), start.container());
    } catch (InvalidRolloutException e) {
      throw invalid(e);
    }
  }

  private static ImageReference image(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest(
          "image", "image: name the image to roll out, e.g. registry/app:2");
    }
    try {
      return ImageReference.parse(text.trim());
    } catch (InvalidReferenceException e) {
      throw ApiException.badRequest("image", "image: " + e.getMessage());
    }
  }

  private static RolloutParameters parameters(RolloutStart start) {
    try {
      RolloutParameters parameters = RolloutParameters.defaults();
      if (start.maxSurge() != null && !start.maxSurge().isBlank()) {
        parameters = parameters.withMaxSurge(IntOrPercent.parse("maxSurge", start.maxSurge()));
      }
      if (start.maxUnavailable() != null && !start.maxUnavailable().isBlank()) {
        parameters =
            parameters.withMaxUnavailable(
                IntOrPercent.parse("maxUnavailable", start.maxUnavailable()));
      }
      if (start.timeoutSeconds() != null) {
        if (start.timeoutSeconds() < 1 || start.timeoutSeconds() > 86_400) {
          throw ApiException.badRequest(
              "timeoutSeconds", "timeoutSeconds: give 1 to 86400 seconds");
        }
        parameters = parameters.withProgressTimeout(Duration.ofSeconds(start.timeoutSeconds()));
      }
      return parameters;
    } catch (InvalidRolloutException e) {
      throw invalid(e);
    }
  }

  /** The engine's messages start with the field at fault: {@code "name: must not be empty"}. */
  private static ApiException invalid(InvalidRolloutException e) {
    String message = e.getMessage();
    int colon = message.indexOf(':');
    String field =
        colon > 0 && message.substring(0, colon).matches("[A-Za-z]+")
            ? message.substring(0, colon)
            : null;
    return ApiException.badRequest(field, message);
  }

  private static String sentence(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
