package io.jenkins.plugins.containercloud.rollout;

import java.util.Map;
import java.util.Optional;

/**
 * A workload's rollout state as the cluster shows it now: replica counts, images by container, and
 * the update in progress if there is one (the new controller of an RC update, or a Deployment
 * revision not yet complete).
 */
public record WorkloadStatus(
    WorkloadTarget workload,
    int desired,
    int current,
    int ready,
    int available,
    int updated,
    Map<String, String> images,
    String revision,
    String inProgress) {

  /** Whether every desired replica runs the current template and is available. */
  public boolean complete() {
    return inProgress == null && updated == desired && available == desired && current == desired;
  }

  /** The images as one text: the image alone, or {@code container=image,…} for several. */
  public String describeImages() {
    return PodTemplates.describe(images);
  }

  public Optional<String> updateInProgress() {
    return Optional.ofNullable(inProgress);
  }
}
