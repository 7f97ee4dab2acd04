package io.jenkins.plugins.containercloud.image;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to build without a Docker daemon (Jib): a base image from a registry plus layers of files,
 * pushed straight to the target registry.
 *
 * @param base the base image, read from its registry
 * @param tags where to push, the first being the main reference; all in one repository
 * @param layers the files to add, one layer each, in order
 * @param entrypoint the entrypoint, or empty to keep the base image's
 * @param cmd the default arguments, or empty to keep the base image's
 * @param environment environment variables to add
 * @param exposedPorts ports such as {@code 8080} or {@code 53/udp}
 * @param labels labels to add
 * @param user the user to run as, or null to keep the base image's
 * @param workingDirectory the working directory, or null to keep the base image's
 * @param cacheDirectory where Jib keeps base and application layers between builds
 * @param allowInsecure whether plain HTTP may be used for registries that are not on loopback
 */
public record DaemonlessBuildRequest(
    ImageReference base,
    List<ImageReference> tags,
    List<LayerSpec> layers,
    List<String> entrypoint,
    List<String> cmd,
    Map<String, String> environment,
    List<String> exposedPorts,
    Map<String, String> labels,
    String user,
    String workingDirectory,
    Path cacheDirectory,
    boolean allowInsecure) {

  public DaemonlessBuildRequest {
    if (base == null) {
      throw new IllegalArgumentException(
          "base: give the base image to build on, e.g. 127.0.0.1:5000/busybox");
    }
    if (tags == null || tags.isEmpty()) {
      throw new IllegalArgumentException("tags: give at least one image reference to push to");
    }
    ImageReference main = tags.get(0);
    for (ImageReference tag : tags) {
      if (!tag.name().equals(main.name())) {
        throw new IllegalArgumentException(
            "tags: "
                + tag
                + " is not in "
                + main.name()
                + "; a daemonless build pushes to one repository");
      }
      if (tag.digest().isPresent()) {
        throw new IllegalArgumentException("tags: remove the @sha256 digest from " + tag);
      }
    }
    if (workingDirectory != null && !workingDirectory.startsWith("/")) {
      throw new IllegalArgumentException(
          "workingDirectory: \"" + workingDirectory + "\" must be an absolute path in the image");
    }
    tags = List.copyOf(tags);
    layers = List.copyOf(layers == null ? List.of() : layers);
    entrypoint = List.copyOf(entrypoint == null ? List.of() : entrypoint);
    cmd = List.copyOf(cmd == null ? List.of() : cmd);
    environment = Map.copyOf(environment == null ? Map.of() : environment);
    exposedPorts = List.copyOf(exposedPorts == null ? List.of() : exposedPorts);
    labels = Map.copyOf(labels == null ? Map.of() : labels);
    if (cacheDirectory == null) {
      throw new IllegalArgumentException("cacheDirectory: give a folder for Jib's layer cache");
    }
  }

  /** The default cache folder: {@code $XDG_CACHE_HOME/container-cloud/jib}. */
  public static Path defaultCacheDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return cache.resolve("container-cloud").resolve("jib");
  }

  /** Whether every registry involved is on loopback, where plain HTTP is allowed without asking. */
  boolean onlyLoopbackRegistries() {
    return base.isLoopbackRegistry() && tags.get(0).isLoopbackRegistry();
  }
}
