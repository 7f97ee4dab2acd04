package io.jenkins.plugins.containercloud.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import java.util.Map;
import java.util.Optional;

/**
 * How a Deployment's revisions are told apart, as its controller does: ReplicaSets compared by pod
 * template without the {@code pod-template-hash} label, numbered by their revision annotation.
 */
final class DeploymentRevisions {

  private static final ObjectMapper TREE_MAPPER = new ObjectMapper();

  private DeploymentRevisions() {}

  /**
   * The ReplicaSet running the Deployment's current template, found as the Deployment controller
   * finds it: by template, ignoring the {@code pod-template-hash} label. The revision annotation is
   * not used because the cache may show the template before the controller has updated it.
   */
  static Optional<ReplicaSet> newReplicaSet(NamespaceState state, Deployment deployment) {
    JsonNode wanted = withoutHash(deployment.getSpec().getTemplate());
    return state.replicaSetsOwnedBy(deployment.getMetadata().getUid()).stream()
        .filter(rs -> wanted.equals(withoutHash(rs.getSpec().getTemplate())))
        .findFirst();
  }

  static JsonNode withoutHash(PodTemplateSpec template) {
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

  static long revision(Map<String, String> annotations) {
    if (annotations == null || annotations.get(Annotations.REVISION) == null) {
      return 0;
    }
    try {
      return Long.parseLong(annotations.get(Annotations.REVISION));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
