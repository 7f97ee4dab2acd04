package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Deployment controller: claims ReplicaSets, keeps the revision annotations, runs the
 * RollingUpdate or Recreate strategy one step per pass, scales proportionally, honours {@code
 * spec.paused}, cleans up old ReplicaSets and reports status and conditions.
 */
final class DeploymentController extends Controller {

  private final EventRecorder events;
  private Informers informers;

  DeploymentController(KubernetesClient client) {
    super("deployment-controller", client);
    this.events = new EventRecorder(client, "deployment-controller");
  }

  @Override
  void register(Informers informers) {
    this.informers = informers;
    informers.deployments.addEventHandler(EventHandlers.each(d -> queue.add(key(d))));
    informers.replicaSets.addEventHandler(EventHandlers.each(this::replicaSetChanged));
  }

  private void replicaSetChanged(ReplicaSet rs) {
    Optional<OwnerReference> controller = OwnerRefs.controllerOf(rs);
    if (controller.isPresent()) {
      if ("Deployment".equals(controller.get().getKind())) {
        queue.add(key(rs.getMetadata().getNamespace(), controller.get().getName()));
      }
      return;
    }
    for (Deployment d : informers.deployments.getStore().list()) {
      if (d.getMetadata().getNamespace().equals(rs.getMetadata().getNamespace())
          && LabelSelectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels())) {
        queue.add(key(d));
      }
    }
  }

  @Override
  void sync(String key) {
    Deployment d =
        client.apps().deployments().inNamespace(namespaceOf(key)).withName(nameOf(key)).get();
    if (d == null) {
      return;
    }
    DeploymentSync sync = new DeploymentSync(client, events, d);
    List<ReplicaSet> owned = claim(d);
    if (d.getMetadata().getDeletionTimestamp() != null) {
      DeploymentReplicaSets.resolve(sync, owned);
      DeploymentProgress.syncStatus(sync);
      return;
    }
    checkPausedConditions(sync);
    DeploymentReplicaSets.resolve(sync, owned);
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
    if (paused || DeploymentRollout.isScalingEvent(sync)) {
      DeploymentRollout.scale(sync);
      if (paused) {
        DeploymentReplicaSets.cleanup(sync);
      }
      DeploymentProgress.syncStatus(sync);
      return;
    }
    Optional<Duration> recheck =
        DeploymentMath.isRollingUpdate(d) ? rollingUpdate(sync) : recreate(sync);
    recheck.ifPresent(after -> queue.addAfter(key, after));
  }

  private Optional<Duration> rollingUpdate(DeploymentSync sync) {
    DeploymentReplicaSets.createIfMissing(sync);
    if (!DeploymentRollout.rolling(sync)
        && DeploymentProgress.isComplete(sync.deployment, DeploymentProgress.calculate(sync))) {
      DeploymentReplicaSets.cleanup(sync);
    }
    return DeploymentProgress.syncRolloutStatus(sync);
  }

  private Optional<Duration> recreate(DeploymentSync sync) {
    if (DeploymentRollout.scaleDownOldForRecreate(sync)) {
      return DeploymentProgress.syncRolloutStatus(sync);
    }
    List<Pod> pods = client.pods().inNamespace(sync.namespace()).list().getItems();
    if (DeploymentRollout.oldPodsRunning(sync, pods)) {
      return DeploymentProgress.syncRolloutStatus(sync);
    }
    DeploymentReplicaSets.createIfMissing(sync);
    if (DeploymentMath.replicas(sync.newRs) != DeploymentMath.replicas(sync.deployment)) {
      sync.scale(sync.newRs, DeploymentMath.replicas(sync.deployment));
    }
    if (DeploymentProgress.isComplete(sync.deployment, DeploymentProgress.calculate(sync))) {
      DeploymentReplicaSets.cleanup(sync);
    }
    return DeploymentProgress.syncRolloutStatus(sync);
  }

  /** Records DeploymentPaused / DeploymentResumed in the Progressing condition. */
  private static void checkPausedConditions(DeploymentSync sync) {
    Deployment d = sync.deployment;
    if (!DeploymentProgress.hasDeadline(d)) {
      return;
    }
    Optional<DeploymentCondition> cond =
        DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
    if (cond.isPresent() && DeploymentConditions.TIMED_OUT.equals(cond.get().getReason())) {
      return;
    }
    boolean pausedRecorded =
        cond.isPresent() && DeploymentConditions.PAUSED.equals(cond.get().getReason());
    boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
    if (paused && !pausedRecorded) {
      DeploymentConditions.set(
          d.getStatus(),
          DeploymentConditions.create(
              DeploymentConditions.PROGRESSING,
              "Unknown",
              DeploymentConditions.PAUSED,
              "Deployment is paused"));
      sync.writeStatus();
    } else if (!paused && pausedRecorded) {
      DeploymentConditions.set(
          d.getStatus(),
          DeploymentConditions.create(
              DeploymentConditions.PROGRESSING,
              "Unknown",
              DeploymentConditions.RESUMED,
              "Deployment is resumed"));
      sync.writeStatus();
    }
  }

  /**
   * The Deployment's ReplicaSets after adopting orphans its selector matches and releasing others.
   */
  private List<ReplicaSet> claim(Deployment d) {
    boolean deleting = d.getMetadata().getDeletionTimestamp() != null;
    List<ReplicaSet> owned = new ArrayList<>();
    for (ReplicaSet rs :
        client.apps().replicaSets().inNamespace(d.getMetadata().getNamespace()).list().getItems()) {
      boolean matches =
          LabelSelectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels());
      Optional<OwnerReference> controller = OwnerRefs.controllerOf(rs);
      if (controller.isPresent()) {
        if (!controller.get().getUid().equals(d.getMetadata().getUid())) {
          continue;
        }
        if (matches || deleting) {
          owned.add(rs);
        } else {
          setOwnerReferences(
              rs,
              rs.getMetadata().getOwnerReferences().stream()
                  .filter(r -> !r.getUid().equals(d.getMetadata().getUid()))
                  .toList());
        }
      } else if (matches && !deleting && rs.getMetadata().getDeletionTimestamp() == null) {
        List<OwnerReference> refs =
            new ArrayList<>(
                rs.getMetadata().getOwnerReferences() == null
                    ? List.of()
                    : rs.getMetadata().getOwnerReferences());
        refs.add(OwnerRefs.controllerRef(d));
        owned.add(setOwnerReferences(rs, refs));
      }
    }
    return owned;
  }

  private ReplicaSet setOwnerReferences(ReplicaSet rs, List<OwnerReference> refs) {
    String patch =
        "{\"metadata\":{\"ownerReferences\":"
            + client.getKubernetesSerialization().asJson(refs)
            + ",\"resourceVersion\":\""
            + rs.getMetadata().getResourceVersion()
            + "\"}}";
    return client
        .apps()
        .replicaSets()
        .inNamespace(rs.getMetadata().getNamespace())
        .withName(rs.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }
}
