package io.jenkins.plugins.containercloud.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A Deployment rollout: set the image, record the change cause, wait on the controller's status and
 * its {@code Progressing} condition, and on failure undo to the previous revision as {@code kubectl
 * rollout undo} does (the previous ReplicaSet's template copied back).
 */
public final class DeploymentRollout {

  private static final String ABORTED = "the rollout was aborted";

  private static final ObjectMapper TREE_MAPPER = new ObjectMapper();

  private final Cluster cluster;
  private final WorkloadTarget target;
  private final RolloutParameters parameters;
  private final RolloutListener listener;
  private final NamespaceState state;
  private final RolloutReporter reporter;

  DeploymentRollout(
      Cluster cluster,
      WorkloadTarget target,
      RolloutParameters parameters,
      RolloutListener listener) {
    this.cluster = cluster;
    this.target = target;
    this.parameters = parameters;
    this.listener = listener;
    this.reporter = new RolloutReporter(listener);
    this.state = cluster.state(target.namespace());
  }

  /**
   * Sets the image and waits for the rollout; undoes it on failure unless rollback is off.
   *
   * @throws InvalidRolloutException before any change, when the request cannot be carried out
   */
  public static RolloutResult rollout(
      Cluster cluster, RolloutRequest request, RolloutListener listener) {
    return new DeploymentRollout(cluster, request.target(), request.parameters(), listener)
        .setImage(request.image(), request.changeCause());
  }

  /** Undoes the last rollout of a Deployment: its previous revision's template is restored. */
  public static RolloutResult rollback(
      Cluster cluster,
      WorkloadTarget target,
      RolloutParameters parameters,
      RolloutListener listener) {
    DeploymentRollout rollout = new DeploymentRollout(cluster, target, parameters, listener);
    Deployment deployment = rollout.fetch();
    Map<String, String> before = PodTemplates.allImages(deployment.getSpec().getTemplate());
    try {
      Deployment undone = rollout.undo(deployment, "rollback requested");
      Map<String, String> after = PodTemplates.allImages(undone.getSpec().getTemplate());
      rollout.awaitRollout(undone);
      return rollout.reporter.finish(RolloutOutcome.SUCCEEDED, rollout.target, before, after, null);
    } catch (RolloutFailure | TimeoutException | WorkloadDeleted e) {
      return rollout.reporter.finish(
          RolloutOutcome.FAILED,
          rollout.target,
          before,
          before,
          "the rollback failed: " + e.getMessage());
    } catch (KubernetesClientException e) {
      return rollout.reporter.finish(
          RolloutOutcome.FAILED,
          rollout.target,
          before,
          before,
          ApiErrors.describe("rolling back", rollout.target, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return rollout.reporter.finish(
          RolloutOutcome.FAILED, rollout.target, before, before, "the rollback was aborted");
    }
  }

  private RolloutResult setImage(ImageReference image, String changeCause) {
    Deployment deployment = fetch();
    PodTemplateSpec template = deployment.getSpec().getTemplate();
    List<Integer> containers =
        PodTemplates.targetContainers(template, target.container(), image, target.toString());
    Map<String, String> before = PodTemplates.images(template, containers);
    Map<String, String> after = new LinkedHashMap<>();
    before.keySet().forEach(name -> after.put(name, image.toString()));
    if (before.equals(after)) {
      reporter.step(target + " already runs " + image);
      return reporter.finish(RolloutOutcome.SUCCEEDED, target, before, after, null);
    }
    Deployment updated;
    try {
      updated = patch(setImageOps(deployment, containers, image.toString(), changeCause));
    } catch (KubernetesClientException e) {
      return reporter.finish(
          RolloutOutcome.FAILED,
          target,
          before,
          before,
          ApiErrors.describe("setting the image of", target, e));
    }
    reporter.step(
        "Set " + PodTemplates.describe(after) + " on " + target + " (" + changeCause + ")");
    return awaitAndFinish(updated, before, after);
  }

  /**
   * Waits for the rollout of a Deployment just written (by a set-image patch or an apply) and
   * undoes it on failure.
   */
  RolloutResult awaitAndFinish(
      Deployment updated, Map<String, String> before, Map<String, String> after) {
    try {
      awaitRollout(updated);
      return reporter.finish(RolloutOutcome.SUCCEEDED, target, before, after, null);
    } catch (RolloutFailure | TimeoutException e) {
      return failed(updated, before, after, e.getMessage());
    } catch (WorkloadDeleted e) {
      // Nothing is left to undo.
      return reporter.finish(RolloutOutcome.FAILED, target, before, before, e.getMessage());
    } catch (KubernetesClientException e) {
      return failed(
          updated,
          before,
          after,
          Aborts.isAbort(e) ? ABORTED : ApiErrors.describe("waiting for", target, e));
    } catch (InterruptedException e) {
      // failed() clears the flag while it undoes and sets it again for our caller.
      Thread.currentThread().interrupt();
      return failed(updated, before, after, ABORTED);
    }
  }

  private RolloutResult failed(
      Deployment updated, Map<String, String> before, Map<String, String> after, String reason) {
    boolean interrupted = Thread.interrupted();
    try {
      if (!parameters.rollbackOnFailure()) {
        return reporter.finish(RolloutOutcome.FAILED, target, before, after, reason);
      }
      reporter.emit(new RolloutEvent.RollbackStarted(Instant.now(), reason));
      try {
        Deployment undone = undo(fetch(), reason);
        awaitRollout(undone);
        return reporter.finish(RolloutOutcome.ROLLED_BACK, target, before, before, reason);
      } catch (RolloutFailure | TimeoutException | InterruptedException | WorkloadDeleted e) {
        return undoFailed(before, after, reason, e.getMessage());
      } catch (KubernetesClientException e) {
        return undoFailed(before, after, reason, ApiErrors.describe("undoing", target, e));
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private RolloutResult undoFailed(
      Map<String, String> before, Map<String, String> after, String reason, String why) {
    return reporter.finish(
        RolloutOutcome.FAILED,
        target,
        before,
        after,
        reason + "; the undo failed too (" + why + ")");
  }

  /**
   * Waits until every replica runs the written template and is available (what {@code kubectl
   * rollout status} waits for), failing on ProgressDeadlineExceeded, a fatal pod problem, or no
   * progress within the timeout.
   */
  void awaitRollout(Deployment written)
      throws RolloutFailure, InterruptedException, TimeoutException, WorkloadDeleted {
    long generation =
        written.getMetadata().getGeneration() == null ? 0 : written.getMetadata().getGeneration();
    String name = written.getMetadata().getName();
    Instant lastProgress = Instant.now();
    List<Integer> last = null;
    while (true) {
      long seen = state.changeCount();
      Instant now = Instant.now();
      // The watch caches see a deleted Deployment (or namespace) at once.
      Deployment current = state.deployment(name).orElseThrow(() -> new WorkloadDeleted(target));
      var status = current.getStatus();
      boolean observed =
          status != null
              && status.getObservedGeneration() != null
              && status.getObservedGeneration() >= generation;
      if (observed) {
        Optional<DeploymentCondition> progressing = condition(current, "Progressing");
        if (progressing.isPresent()
            && "ProgressDeadlineExceeded".equals(progressing.get().getReason())) {
          throw new RolloutFailure(
              "ProgressDeadlineExceeded: "
                  + progressing.get().getMessage()
                  + problemSuffix(newPods(newReplicaSet(current)), now));
        }
        int desired = current.getSpec().getReplicas() == null ? 1 : current.getSpec().getReplicas();
        int updated = orZero(status.getUpdatedReplicas());
        int total = orZero(status.getReplicas());
        int available = orZero(status.getAvailableReplicas());
        int ready = orZero(status.getReadyReplicas());
        Optional<ReplicaSet> newReplicaSet = newReplicaSet(current);
        List<Pod> newPods = newPods(newReplicaSet);
        int newReady = (int) PodStatus.countReady(newPods);
        List<Integer> snapshot =
            List.of(
                total - updated,
                Math.max(0, ready - newReady),
                updated,
                newReady,
                Math.min(available, updated));
        if (!snapshot.equals(last)) {
          last = snapshot;
          lastProgress = now;
          reporter.emit(
              new RolloutEvent.ReplicasChanged(
                  now,
                  "old ReplicaSets",
                  snapshot.get(0),
                  snapshot.get(1),
                  newReplicaSet.map(rs -> rs.getMetadata().getName()).orElse("new ReplicaSet"),
                  snapshot.get(2),
                  snapshot.get(3),
                  snapshot.get(4),
                  desired));
        }
        Optional<RolloutEvent.PodProblem> problem = reporter.problems(newPods, now);
        if (problem.isPresent() && problem.get().fatal()) {
          throw new RolloutFailure(problem.get().describe());
        }
        if (updated == desired && total == updated && available == updated) {
          return;
        }
        if (Duration.between(lastProgress, now).compareTo(parameters.progressTimeout()) > 0) {
          throw new RolloutFailure(
              "no progress for "
                  + parameters.progressTimeout().toSeconds()
                  + " s"
                  + problem.map(p -> ": " + p.describe()).orElse(""));
        }
      } else if (Duration.between(lastProgress, now).compareTo(parameters.progressTimeout()) > 0) {
        throw new RolloutFailure(
            "the Deployment controller did not observe generation "
                + generation
                + " within "
                + parameters.progressTimeout().toSeconds()
                + " s");
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      state.awaitChangeAfter(seen, Duration.ofSeconds(1));
    }
  }

  /** Copies the previous revision's template back, as {@code kubectl rollout undo} does. */
  private Deployment undo(Deployment deployment, String reason) throws RolloutFailure {
    String uid = deployment.getMetadata().getUid();
    JsonNode current = withoutHash(deployment.getSpec().getTemplate());
    List<ReplicaSet> owned =
        cluster
            .client()
            .apps()
            .replicaSets()
            .inNamespace(target.namespace())
            .list()
            .getItems()
            .stream()
            .filter(
                rs ->
                    rs.getMetadata().getOwnerReferences() != null
                        && rs.getMetadata().getOwnerReferences().stream()
                            .anyMatch(o -> uid.equals(o.getUid())))
            .toList();
    // The previous revision is the newest ReplicaSet whose template differs from the current one,
    // whether or not the controller has created the current one's ReplicaSet yet.
    Optional<ReplicaSet> previous =
        owned.stream()
            .filter(rs -> !current.equals(withoutHash(rs.getSpec().getTemplate())))
            .max(Comparator.comparingLong(rs -> revision(rs.getMetadata().getAnnotations())));
    if (previous.isEmpty()) {
      throw new RolloutFailure("there is no previous revision of " + target + " to roll back to");
    }
    PodTemplateSpec template =
        Serialization.unmarshal(
            Serialization.asJson(previous.get().getSpec().getTemplate()), PodTemplateSpec.class);
    if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
      template.getMetadata().getLabels().remove("pod-template-hash");
    }
    long revision = revision(previous.get().getMetadata().getAnnotations());
    reporter.step(
        "Undoing "
            + target
            + " to revision "
            + revision
            + " ("
            + PodTemplates.describe(PodTemplates.allImages(template))
            + ")");
    List<Map<String, Object>> ops = new ArrayList<>();
    ops.add(op("replace", "/spec/template", template));
    ops.addAll(
        annotationOps(
            deployment, "container-cloud: rollback to revision " + revision + " (" + reason + ")"));
    return patch(ops);
  }

  private Deployment fetch() {
    Deployment deployment =
        cluster
            .client()
            .apps()
            .deployments()
            .inNamespace(target.namespace())
            .withName(target.name())
            .get();
    if (deployment == null) {
      throw new InvalidRolloutException(
          "name: Deployment " + target.name() + " not found in namespace " + target.namespace());
    }
    return deployment;
  }

  private Deployment patch(List<Map<String, Object>> ops) {
    return cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(target.namespace())
        .withName(target.name())
        .patch(PatchContext.of(PatchType.JSON), ReplicationControllers.json(ops));
  }

  private static List<Map<String, Object>> setImageOps(
      Deployment deployment, List<Integer> containers, String image, String changeCause) {
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i : containers) {
      String path = "/spec/template/spec/containers/" + i;
      // The test guards against the containers being reordered since we read them.
      ops.add(
          op(
              "test",
              path + "/name",
              deployment.getSpec().getTemplate().getSpec().getContainers().get(i).getName()));
      ops.add(op("replace", path + "/image", image));
    }
    ops.addAll(annotationOps(deployment, changeCause));
    return ops;
  }

  private static List<Map<String, Object>> annotationOps(
      Deployment deployment, String changeCause) {
    if (deployment.getMetadata().getAnnotations() == null) {
      return List.of(
          op("add", "/metadata/annotations", Map.of(Annotations.CHANGE_CAUSE, changeCause)));
    }
    return List.of(
        op(
            "add",
            "/metadata/annotations/"
                + Annotations.CHANGE_CAUSE.replace("~", "~0").replace("/", "~1"),
            changeCause));
  }

  private static Map<String, Object> op(String op, String path, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("op", op);
    map.put("path", path);
    map.put("value", value);
    return map;
  }

  private List<Pod> newPods(Optional<ReplicaSet> newReplicaSet) {
    return newReplicaSet
        .map(
            rs ->
                state.podsOwnedBy(rs.getMetadata().getUid()).stream()
                    .filter(p -> !PodStatus.terminating(p))
                    .toList())
        .orElse(List.of());
  }

  /**
   * The ReplicaSet running the Deployment's current template, found as the Deployment controller
   * finds it: by template, ignoring the {@code pod-template-hash} label. The revision annotation is
   * not used because the cache may show the template before the controller has updated it.
   */
  private Optional<ReplicaSet> newReplicaSet(Deployment deployment) {
    JsonNode wanted = withoutHash(deployment.getSpec().getTemplate());
    return state.replicaSetsOwnedBy(deployment.getMetadata().getUid()).stream()
        .filter(rs -> wanted.equals(withoutHash(rs.getSpec().getTemplate())))
        .findFirst();
  }

  private static JsonNode withoutHash(PodTemplateSpec template) {
    JsonNode tree;
    try {
      tree = TREE_MAPPER.readTree(Serialization.asJson(template));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read a pod template", e);
    }
    JsonNode labels = tree.path("metadata").path("labels");
    if (labels instanceof ObjectNode object) {
      object.remove("pod-template-hash");
    }
    return tree;
  }

  private String problemSuffix(List<Pod> pods, Instant now) {
    return pods.stream()
        .map(p -> PodStatus.problem(p, now))
        .flatMap(Optional::stream)
        .findFirst()
        .map(p -> "; " + p.describe())
        .orElse("");
  }

  private static Optional<DeploymentCondition> condition(Deployment deployment, String type) {
    if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return deployment.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  private static long revision(Map<String, String> annotations) {
    if (annotations == null || annotations.get(Annotations.REVISION) == null) {
      return 0;
    }
    try {
      return Long.parseLong(annotations.get(Annotations.REVISION));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
