package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass of the deployment controller over one Deployment: the Deployment as last written, its
 * ReplicaSets split into the new one and the old ones, and the writes the pass makes.
 */
final class DeploymentSync {

  private final KubernetesClient client;
  private final EventRecorder events;
  Deployment deployment;
  ReplicaSet newRs;
  List<ReplicaSet> oldRss = new ArrayList<>();

  DeploymentSync(KubernetesClient client, EventRecorder events, Deployment deployment) {
    this.client = client;
    this.events = events;
    this.deployment = deployment;
    if (deployment.getStatus() == null) {
      deployment.setStatus(new DeploymentStatus());
    }
  }

  /** The old ReplicaSets and the new one (when there is one). */
  List<ReplicaSet> all() {
    List<ReplicaSet> all = new ArrayList<>(oldRss);
    if (newRs != null) {
      all.add(newRs);
    }
    return all;
  }

  String namespace() {
    return deployment.getMetadata().getNamespace();
  }

  void writeStatus() {
    Deployment written =
        client.apps().deployments().inNamespace(namespace()).resource(deployment).updateStatus();
    deployment = written;
  }

  /** The Deployment's revision annotation, written when it differs (a metadata-only update). */
  void annotateRevision(String revision) {
    if (revision == null
        || revision.equals(Revisions.annotations(deployment).get(Revisions.REVISION))) {
      return;
    }
    String patch =
        "{\"metadata\":{\"annotations\":{\"" + Revisions.REVISION + "\":\"" + revision + "\"}}}";
    Deployment written =
        client
            .apps()
            .deployments()
            .inNamespace(namespace())
            .withName(deployment.getMetadata().getName())
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    deployment.setMetadata(written.getMetadata());
  }

  ReplicaSet create(ReplicaSet rs) {
    return client.apps().replicaSets().inNamespace(namespace()).resource(rs).create();
  }

  ReplicaSet update(ReplicaSet rs) {
    ReplicaSet written = client.apps().replicaSets().inNamespace(namespace()).resource(rs).update();
    replace(written);
    return written;
  }

  void delete(ReplicaSet rs) {
    client.apps().replicaSets().inNamespace(namespace()).resource(rs).delete();
  }

  /**
   * Sets a ReplicaSet's size and its replicas annotations; records the scaling event. True when the
   * size changed.
   */
  boolean scale(ReplicaSet rs, int newScale) {
    int oldScale = DeploymentMath.replicas(rs);
    boolean sizeChanges = oldScale != newScale;
    if (!sizeChanges && !Revisions.replicasAnnotationsDiffer(deployment, rs)) {
      return false;
    }
    ReplicaSet copy = client.getKubernetesSerialization().clone(rs);
    copy.getSpec().setReplicas(newScale);
    Map<String, String> annotations = new HashMap<>(Revisions.annotations(copy));
    annotations.putAll(Revisions.replicasAnnotations(deployment));
    copy.getMetadata().setAnnotations(annotations);
    update(copy);
    if (sizeChanges) {
      String direction = newScale > oldScale ? "up" : "down";
      events.normal(
          deployment,
          "ScalingReplicaSet",
          "Scaled "
              + direction
              + " replica set "
              + rs.getMetadata().getName()
              + " from "
              + oldScale
              + " to "
              + newScale);
    }
    return sizeChanges;
  }

  void recordEvent(String reason, String message) {
    events.normal(deployment, reason, message);
  }

  private void replace(ReplicaSet written) {
    String uid = written.getMetadata().getUid();
    if (newRs != null && newRs.getMetadata().getUid().equals(uid)) {
      newRs = written;
    }
    oldRss.replaceAll(rs -> rs.getMetadata().getUid().equals(uid) ? written : rs);
  }
}
