package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.rollout.RolloutParameters;
import io.jenkins.plugins.containercloud.rollout.WorkloadKind;
import java.util.List;
import java.util.Optional;

/**
 * A checked {@code containerDeploy} (or {@code containerRollback}): the cluster by name, the
 * namespace (null: the cluster's default), either a workload (kind and name) or manifest files, the
 * container, the image, and how the rollout proceeds.
 */
record DeployPlan(
    String cluster,
    String namespace,
    WorkloadKind kind,
    String name,
    List<String> manifests,
    String container,
    Optional<ImageReference> image,
    RolloutParameters parameters) {

  boolean appliesManifests() {
    return !manifests.isEmpty();
  }
}
