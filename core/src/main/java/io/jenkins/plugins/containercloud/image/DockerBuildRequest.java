package io.jenkins.plugins.containercloud.image;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to build through a Docker daemon: a context directory, a Dockerfile inside it, and the
 * references to tag the result with (the first is the main one).
 *
 * @param context the build context directory
 * @param dockerfile the Dockerfile, relative to the context or absolute inside it; {@code
 *     Dockerfile} when null
 * @param tags the references to tag the image with, at least one
 * @param buildArgs {@code ARG} values
 * @param target the stage to stop at in a multi-stage build, or null for the last
 * @param labels labels to add to the image
 * @param noCache whether to ignore the build cache
 * @param pull whether to try to pull newer base images
 */
public record DockerBuildRequest(
    Path context,
    Path dockerfile,
    List<ImageReference> tags,
    Map<String, String> buildArgs,
    String target,
    Map<String, String> labels,
    boolean noCache,
    PullPolicy pull) {

  public DockerBuildRequest {
    if (context == null || !Files.isDirectory(context)) {
      throw new IllegalArgumentException(
          "context: "
              + context
              + " is not a directory; give the folder the Dockerfile builds from");
    }
    context = context.toAbsolutePath().normalize();
    Path file =
        dockerfile == null
            ? context.resolve("Dockerfile")
            : context.resolve(dockerfile).normalize();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "dockerfile: "
              + file
              + " does not exist; give the Dockerfile's path relative to the context");
    }
    if (!file.startsWith(context)) {
      throw new IllegalArgumentException(
          "dockerfile: "
              + file
              + " is outside the context "
              + context
              + "; move it into the context");
    }
    dockerfile = file;
    if (tags == null || tags.isEmpty()) {
      throw new IllegalArgumentException(
          "tags: give at least one image reference to tag the build with");
    }
    if (tags.stream().anyMatch(t -> t.digest().isPresent())) {
      throw new IllegalArgumentException(
          "tags: a build is tagged, not pinned; remove the @sha256 digest from the image reference");
    }
    tags = List.copyOf(new ArrayList<>(tags));
    buildArgs = Map.copyOf(buildArgs == null ? Map.of() : new LinkedHashMap<>(buildArgs));
    labels = Map.copyOf(labels == null ? Map.of() : new LinkedHashMap<>(labels));
    pull = pull == null ? PullPolicy.MISSING : pull;
  }

  /** A request with only a context, its {@code Dockerfile} and one tag. */
  public static DockerBuildRequest of(Path context, ImageReference image) {
    return new DockerBuildRequest(
        context, null, List.of(image), Map.of(), null, Map.of(), false, PullPolicy.MISSING);
  }

  /** When the daemon fetches base images. */
  public enum PullPolicy {
    /** Only when the daemon does not have them (Docker's default). */
    MISSING,
    /** Always check the registry for a newer version ({@code docker build --pull}). */
    ALWAYS
  }
}
