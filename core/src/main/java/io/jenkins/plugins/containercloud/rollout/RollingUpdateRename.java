package io.jenkins.plugins.containercloud.rollout;

import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.annotationsOf;
import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.removing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The last phase of a rolling update: the old controller deleted, the new one renamed to its name.
 */
final class RollingUpdateRename {

  private final Cluster cluster;
  private final WorkloadTarget target;
  private final RolloutParameters parameters;
  private final ReplicationControllers controllers;
  private final RolloutReporter reporter;

  RollingUpdateRename(RollingUpdateContext context) {
    this.cluster = context.cluster();
    this.target = context.target();
    this.parameters = context.parameters();
    this.controllers = context.controllers();
    this.reporter = context.reporter();
  }

  /** Deletes the old controller and gives the new one its name; answers the final name. */
  String cleanUp(UpdatePlan plan) throws InterruptedException, TimeoutException {
    reporter.step("Update succeeded; deleting " + plan.oldName());
    Map<String, String> annotations = removing(Annotations.SOURCE_ID, Annotations.DESIRED_REPLICAS);
    annotations.put(Annotations.PREVIOUS_IMAGES, PodTemplates.encode(plan.imagesBefore()));
    if (!parameters.keepNewName()) {
      annotations.put(Annotations.RENAME_TO, plan.oldName());
    }
    controllers.annotate(plan.newName(), annotations);
    controllers.delete(plan.oldName(), false, parameters.progressTimeout());
    if (parameters.keepNewName()) {
      return plan.newName();
    }
    rename(plan.newName(), plan.oldName());
    return plan.oldName();
  }

  /** A controller left to be renamed to the target's name by an update that crashed. */
  Optional<ReplicationController> pending() {
    return cluster
        .client()
        .replicationControllers()
        .inNamespace(target.namespace())
        .list()
        .getItems()
        .stream()
        .filter(rc -> target.name().equals(annotationsOf(rc).get(Annotations.RENAME_TO)))
        .findFirst();
  }

  /** Finishes the rename of a crashed update whose old controller is already gone. */
  RolloutResult resume() {
    ReplicationController pending = pending().orElseThrow();
    String from = pending.getMetadata().getName();
    reporter.step(
        "Continuing an update whose old controller is gone: renaming "
            + from
            + " to "
            + target.name());
    Map<String, String> previous =
        PodTemplates.parse(annotationsOf(pending).getOrDefault(Annotations.PREVIOUS_IMAGES, ""));
    Map<String, String> current = new LinkedHashMap<>();
    for (var c : pending.getSpec().getTemplate().getSpec().getContainers()) {
      if (previous.containsKey(c.getName())) {
        current.put(c.getName(), c.getImage());
      }
    }
    try {
      rename(from, target.name());
      return reporter.finish(RolloutOutcome.SUCCEEDED, target, previous, current, null);
    } catch (InterruptedException | TimeoutException | KubernetesClientException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return reporter.finish(
          RolloutOutcome.FAILED,
          target.withName(from),
          previous,
          current,
          "renaming "
              + from
              + " to "
              + target.name()
              + " failed ("
              + e.getMessage()
              + "); run the update again to finish it");
    }
  }

  /**
   * Renames by deleting the controller while orphaning its pods and creating it again under the new
   * name; the new controller adopts the pods, none is recreated.
   */
  private void rename(String from, String to) throws InterruptedException, TimeoutException {
    ReplicationController rc = controllers.get(from).orElseThrow();
    reporter.step("Renaming " + from + " to " + to);
    Map<String, String> annotations = new LinkedHashMap<>(annotationsOf(rc));
    annotations.remove(Annotations.RENAME_TO);
    ReplicationController renamed =
        new ReplicationControllerBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName(to)
                    .withLabels(rc.getMetadata().getLabels())
                    .withAnnotations(annotations)
                    .build())
            .withSpec(rc.getSpec())
            .build();
    controllers.delete(from, true, parameters.progressTimeout());
    ReplicationController created = controllers.create(renamed);
    controllers.awaitObserved(created, parameters.progressTimeout());
  }
}
