package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.regex.Pattern;

/**
 * The testbed's convention for how a pod behaves, chosen by its first container's image tag: {@code
 * -neverready} runs but never becomes Ready, {@code -crashloop} crash-loops, anything else becomes
 * Ready. Only the tag counts, not the repository name (see testbed/kube/stages).
 */
enum ImageConvention {
  READY,
  NEVER_READY,
  CRASH_LOOP;

  private static final Pattern NEVER_READY_TAG = Pattern.compile(":[^/:@]*-neverready(@.*)?$");
  private static final Pattern CRASH_LOOP_TAG = Pattern.compile(":[^/:@]*-crashloop(@.*)?$");

  static ImageConvention of(Pod pod) {
    if (pod.getSpec() == null
        || pod.getSpec().getContainers() == null
        || pod.getSpec().getContainers().isEmpty()) {
      return READY;
    }
    String image = pod.getSpec().getContainers().get(0).getImage();
    return of(image == null ? "" : image);
  }

  static ImageConvention of(String image) {
    if (NEVER_READY_TAG.matcher(image).find()) {
      return NEVER_READY;
    }
    return CRASH_LOOP_TAG.matcher(image).find() ? CRASH_LOOP : READY;
  }
}
