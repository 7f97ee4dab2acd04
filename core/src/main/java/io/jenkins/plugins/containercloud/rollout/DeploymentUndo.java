package io.jenkins.plugins.containercloud.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Undoes a Deployment to its previous revision, as {@code kubectl rollout undo} does. */
final class DeploymentUndo {

  private final Cluster cluster;
  private final WorkloadTarget target;
  private final RolloutReporter reporter;

  DeploymentUndo(Cluster cluster, WorkloadTarget target, RolloutReporter reporter) {
    this.cluster = cluster;
    this.target = target;
    this.reporter = reporter;
  }

  /** Copies the previous revision's template back, as {@code kubectl rollout undo} does. */
  Deployment toPreviousRevision(Deployment deployment, String reason) throws RolloutFailure {
    String uid = deployment.getMetadata().getUid();
    JsonNode current = DeploymentRevisions.withoutHash(deployment.getSpec().getTemplate());
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
            .filter(
                rs -> !current.equals(DeploymentRevisions.withoutHash(rs.getSpec().getTemplate())))
            .max(
                Comparator.comparingLong(
                    rs -> DeploymentRevisions.revision(rs.getMetadata().getAnnotations())));
    if (previous.isEmpty()) {
      throw new RolloutFailure("there is no previous revision of " + target + " to roll back to");
    }
    PodTemplateSpec template =
        Serialization.unmarshal(
            Serialization.asJson(previous.get().getSpec().getTemplate()), PodTemplateSpec.class);
    if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
      template.getMetadata().getLabels().remove("pod-template-hash");
    }
    long revision = DeploymentRevisions.revision(previous.get().getMetadata().getAnnotations());
    reporter.step(
        "Undoing "
            + target
            + " to revision "
            + revision
            + " ("
            + PodTemplates.describe(PodTemplates.allImages(template))
            + ")");
    List<Map<String, Object>> ops = new ArrayList<>();
    ops.add(DeploymentPatches.op("replace", "/spec/template", template));
    ops.addAll(
        DeploymentPatches.changeCause(
            deployment, "container-cloud: rollback to revision " + revision + " (" + reason + ")"));
    return DeploymentPatches.send(cluster, target, ops);
  }
}
