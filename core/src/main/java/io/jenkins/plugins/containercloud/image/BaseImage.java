package io.jenkins.plugins.containercloud.image;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.InvalidReferenceException;
import io.jenkins.plugins.containercloud.registry.RegistryFailures;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code FROM} step of a daemon build: when it fails, the registry of the base image is at
 * fault, and the daemon's words are turned into the same sentence a push failure gets.
 */
final class BaseImage {

  private BaseImage() {}

  /** Whether {@code step} (e.g. "Step 1/3 : FROM alpine:3") pulls a base image. */
  static boolean isPull(String step) {
    return instruction(step).toUpperCase(Locale.ROOT).startsWith("FROM ");
  }

  /**
   * The daemon's {@code error} for the pull in {@code step}, worded by the base image's registry.
   */
  static String describeFailure(String step, String error) {
    return image(step)
        .map(
            base ->
                RegistryFailures.describe(
                        "pull of the base image " + base,
                        base.registry(),
                        base.repository(),
                        Optional.empty(),
                        error)
                    .getMessage())
        .orElse(error);
  }

  private static Optional<ImageReference> image(String step) {
    for (String word : instruction(step).substring("FROM ".length()).trim().split("\\s+")) {
      if (!word.startsWith("--")) {
        try {
          return Optional.of(ImageReference.parse(word));
        } catch (InvalidReferenceException e) {
          // A build argument the step shows unexpanded: no registry to name.
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String instruction(String step) {
    int colon = step.indexOf(" : ");
    return colon < 0 ? step.strip() : step.substring(colon + 3).strip();
  }
}
