package io.jenkins.plugins.containercloud.rollout;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.util.Objects;

/**
 * What to roll out where: the workload, the image (preferably pinned by digest), the parameters and
 * the change cause recorded on the workload (what triggered it: a build URL, a webhook delivery, a
 * user).
 */
public record RolloutRequest(
    WorkloadTarget target, ImageReference image, RolloutParameters parameters, String changeCause) {

  public RolloutRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(parameters, "parameters");
    if (changeCause == null || changeCause.isBlank()) {
      changeCause = "container-cloud: set image " + image;
    }
  }
}
