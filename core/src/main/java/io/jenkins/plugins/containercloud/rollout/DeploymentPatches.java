package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON patches a Deployment rollout sends: new images, a template copied back, the change
 * cause; each a JSON patch, so that a concurrent change of the containers makes it fail instead of
 * writing over it.
 */
final class DeploymentPatches {

  private DeploymentPatches() {}

  /** Sends {@code ops} to the target Deployment; answers the Deployment as written. */
  static Deployment send(Cluster cluster, WorkloadTarget target, List<Map<String, Object>> ops) {
    return cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(target.namespace())
        .withName(target.name())
        .patch(PatchContext.of(PatchType.JSON), ReplicationControllers.json(ops));
  }

  static List<Map<String, Object>> setImage(
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
    ops.addAll(changeCause(deployment, changeCause));
    return ops;
  }

  static List<Map<String, Object>> changeCause(Deployment deployment, String changeCause) {
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

  static Map<String, Object> op(String op, String path, Object value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("op", op);
    map.put("path", path);
    map.put("value", value);
    return map;
  }
}
