package io.jenkins.plugins.containercloud.rollout;

import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.annotationsOf;
import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.replicas;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The first phase of a rolling update: the plan, and every check that can refuse it. */
final class RollingUpdatePreparation {

  private final Cluster cluster;
  private final WorkloadTarget target;
  private final ReplicationControllers controllers;

  RollingUpdatePreparation(RollingUpdateContext context) {
    this.cluster = context.cluster();
    this.target = context.target();
    this.controllers = context.controllers();
  }

  /**
   * The update's plan, read from the controllers and their annotations (so that an update run again
   * after a crash continues); everything that can be refused is refused here, before any change.
   */
  UpdatePlan prepare(String requestedImage, Map<String, String> requestedImages) {
    Optional<ReplicationController> found = controllers.get(target.name());
    if (found.isEmpty()) {
      throw InvalidRolloutException.notFound(target);
    }
    ReplicationController old = found.get();
    PodTemplateSpec template = old.getSpec().getTemplate();
    if (template == null || template.getSpec() == null) {
      throw new InvalidRolloutException("name: " + target + " has no pod template");
    }
    Map<String, String> wanted = requestedImages;
    List<Integer> containers;
    if (wanted == null) {
      containers =
          PodTemplates.targetContainers(
              template,
              target.container(),
              ImageReference.parse(requestedImage),
              target.toString());
      wanted = new LinkedHashMap<>();
      for (int i : containers) {
        wanted.put(template.getSpec().getContainers().get(i).getName(), requestedImage);
      }
    } else {
      containers = indexesOf(template, wanted.keySet());
    }
    Map<String, String> before = PodTemplates.images(template, containers);
    PodTemplateSpec newTemplate = TemplateLabels.copy(template);
    for (int i : containers) {
      Map<String, String> finalWanted = wanted;
      newTemplate
          .getSpec()
          .getContainers()
          .get(i)
          .setImage(finalWanted.get(newTemplate.getSpec().getContainers().get(i).getName()));
    }
    String hash = TemplateHash.of(newTemplate);
    String newName = truncate(old.getMetadata().getName(), 253 - hash.length() - 1) + "-" + hash;
    checkNoOtherUpdateInProgress(old, newName);
    Optional<ReplicationController> existing = controllers.get(newName);
    String sourceId = old.getMetadata().getName() + ":" + old.getMetadata().getUid();
    if (existing.isPresent()
        && !sourceId.equals(annotationsOf(existing.get()).get(Annotations.SOURCE_ID))) {
      throw new InvalidRolloutException(
          "name: a ReplicationController named "
              + newName
              + " exists and was not created by an"
              + " update of "
              + target
              + "; delete or rename it");
    }
    int desired =
        existing
            .map(
                rc ->
                    Integer.parseInt(
                        annotationsOf(rc).getOrDefault(Annotations.DESIRED_REPLICAS, "0")))
            .orElse(replicas(old));
    int original =
        Integer.parseInt(
            annotationsOf(old)
                .getOrDefault(Annotations.ORIGINAL_REPLICAS, Integer.toString(replicas(old))));
    UpdatePlan plan =
        new UpdatePlan(
            old,
            newName,
            hash,
            existing.isPresent(),
            containers,
            before,
            wanted,
            desired,
            original);
    if (!plan.nothingToDo()) {
      checkSelectorConflicts(plan, newTemplate);
    }
    return plan;
  }

  private void checkNoOtherUpdateInProgress(ReplicationController old, String newName) {
    String next = annotationsOf(old).get(Annotations.NEXT_CONTROLLER);
    if (next == null || next.equals(newName)) {
      return;
    }
    Optional<ReplicationController> other = controllers.get(next);
    if (other.isPresent()) {
      throw new InvalidRolloutException(
          "image: an update of "
              + target
              + " to "
              + PodTemplates.describe(
                  PodTemplates.images(other.get().getSpec().getTemplate(), List.of(0)))
              + " is in progress (controller "
              + next
              + "); run it again with that image to"
              + " continue it, or roll it back first");
    }
  }

  private void checkSelectorConflicts(UpdatePlan plan, PodTemplateSpec newTemplate) {
    Map<String, String> newLabels = new HashMap<>(TemplateLabels.of(newTemplate));
    newLabels.put(Annotations.DEPLOYMENT_LABEL, plan.newHash());
    // A fresh list, not the cache: a controller created a moment ago must be seen before we act.
    for (ReplicationController other :
        cluster
            .client()
            .replicationControllers()
            .inNamespace(target.namespace())
            .list()
            .getItems()) {
      String name = other.getMetadata().getName();
      if (name.equals(plan.oldName()) || name.equals(plan.newName())) {
        continue;
      }
      Map<String, String> selector = other.getSpec().getSelector();
      if (selector != null
          && !selector.isEmpty()
          && newLabels.entrySet().containsAll(selector.entrySet())) {
        throw new InvalidRolloutException(
            "selector: ReplicationController "
                + name
                + " (selector "
                + selector
                + ") would also select the new pods of "
                + target
                + "; give the workloads distinct labels");
      }
    }
  }

  private static List<Integer> indexesOf(PodTemplateSpec template, Set<String> names) {
    List<Integer> indexes = new ArrayList<>();
    var containers = template.getSpec().getContainers();
    for (int i = 0; i < containers.size(); i++) {
      if (names.contains(containers.get(i).getName())) {
        indexes.add(i);
      }
    }
    if (indexes.size() != names.size()) {
      throw new InvalidRolloutException(
          "container: the recorded previous images name containers "
              + names
              + " that the pod template no longer has");
    }
    return indexes;
  }

  private static String truncate(String name, int max) {
    return name.length() <= max ? name : name.substring(0, max);
  }
}
