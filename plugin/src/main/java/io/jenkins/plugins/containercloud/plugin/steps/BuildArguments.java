package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.plugin.Texts;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.InvalidReferenceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks {@code containerBuild}'s arguments and turns them into a {@link BuildSpec}. Every error
 * names the argument and the fix; the Snippet Generator's checks call the same methods.
 */
final class BuildArguments {

  private static final Pattern LAYER = Pattern.compile("[^:]+:/[^:]*(:[0-7]{3})?");

  private BuildArguments() {}

  static BuildSpec of(ContainerBuildStep step) {
    ImageReference main = tagReference("image", step.getImage());
    List<String> references = new ArrayList<>(List.of(main.toString()));
    for (String tag : Arguments.list(step.getTags())) {
      references.add(tag(main, tag).toString());
    }
    String context = step.getContext() == null ? "." : step.getContext();
    var buildArgs = Arguments.keyValues("buildArgs", step.getBuildArgs());
    var labels = Arguments.keyValues("labels", step.getLabels());
    List<String> layers = Arguments.lines(step.getLayers());
    if (step.isDaemonless()) {
      checkDaemonless(step, buildArgs.isEmpty(), layers);
    } else if (step.getBase() != null || !layers.isEmpty()) {
      throw new IllegalArgumentException(
          "base, layers: they describe a daemonless build; add daemonless: true or remove them");
    }
    return new BuildSpec(
        references,
        context,
        step.getDockerfile(),
        new LinkedHashMap<>(buildArgs),
        step.getTarget(),
        new LinkedHashMap<>(labels),
        step.isNoCache(),
        step.isPush(),
        step.isDaemonless(),
        step.isDaemonless() ? tagOrDigest("base", step.getBase()).toString() : null,
        new ArrayList<>(layers));
  }

  private static void checkDaemonless(
      ContainerBuildStep step, boolean noBuildArgs, List<String> layers) {
    if (step.getBase() == null) {
      throw new IllegalArgumentException(
          "base: a daemonless build starts from a base image; give it, e.g. base:"
              + " 'registry.example.com/busybox:1.36'");
    }
    if (step.getDockerfile() != null || step.getTarget() != null || !noBuildArgs) {
      throw new IllegalArgumentException(
          "dockerfile, target, buildArgs: they apply to builds through the Docker daemon;"
              + " remove them or daemonless: true");
    }
    if (step.isNoCache()) {
      throw new IllegalArgumentException(
          "noCache: it applies to builds through the Docker daemon; remove it or daemonless: true");
    }
    if (!step.isPush()) {
      throw new IllegalArgumentException(
          "push: a daemonless build always pushes (it has nowhere else to put the image);"
              + " remove push: false or daemonless: true");
    }
    for (String layer : layers) {
      layerProblem(layer)
          .ifPresent(
              p -> {
                throw new IllegalArgumentException("layers: " + p);
              });
    }
  }

  /** A problem with an image reference to build (a tag, not a digest), or nothing. */
  static Optional<String> imageProblem(String value) {
    try {
      tagReference("image", value);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** A problem with the extra tags, or nothing. */
  static Optional<String> tagsProblem(String image, String tags) {
    ImageReference main;
    try {
      main = tagReference("image", image);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // the image field reports its own problem
    }
    try {
      Arguments.list(tags).forEach(tag -> tag(main, tag));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** A problem with one layer line {@code SRC:DEST[:MODE]}, or nothing. */
  static Optional<String> layerProblem(String layer) {
    return LAYER.matcher(layer).matches()
        ? Optional.empty()
        : Optional.of(
            "'"
                + layer
                + "' is not SRC:DEST or SRC:DEST:MODE (DEST absolute, MODE octal), e.g."
                + " www:/www or bin/app:/app:755");
  }

  static ImageReference tagReference(String argument, String value) {
    ImageReference reference = tagOrDigest(argument, value);
    if (reference.digest().isPresent()) {
      throw new IllegalArgumentException(
          argument
              + ": an image is built and pushed under a tag; remove @"
              + reference.digest().get());
    }
    return reference;
  }

  static ImageReference tagOrDigest(String argument, String value) {
    String text = Texts.trimToNull(value);
    if (text == null) {
      throw new IllegalArgumentException(
          argument + ": give an image reference, e.g. registry.example.com/team/app:1.0");
    }
    try {
      return ImageReference.parse(text);
    } catch (InvalidReferenceException e) {
      throw new IllegalArgumentException(argument + ": " + e.getMessage());
    }
  }

  /** A full reference, or a tag of the main image's repository. */
  private static ImageReference tag(ImageReference main, String tag) {
    if (tag.contains("/")) {
      return tagReference("tags", tag);
    }
    try {
      return main.withTag(tag);
    } catch (InvalidReferenceException e) {
      throw new IllegalArgumentException("tags: " + e.getMessage());
    }
  }
}
