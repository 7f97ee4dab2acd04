package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.ReplicationController;
import java.util.List;
import java.util.Map;

/**
 * What a rolling update will do, worked out (and validated) before anything changes: the old and
 * new controller, the containers and their images before and after, and the replica counts.
 */
record UpdatePlan(
    ReplicationController oldController,
    String newName,
    String newHash,
    boolean newExists,
    List<Integer> containers,
    Map<String, String> imagesBefore,
    Map<String, String> imagesAfter,
    int desired,
    int original) {

  String oldName() {
    return oldController.getMetadata().getName();
  }

  String sourceId() {
    return oldName() + ":" + oldController.getMetadata().getUid();
  }

  boolean nothingToDo() {
    return !newExists && imagesBefore.equals(imagesAfter);
  }
}
