package io.jenkins.plugins.containercloud.api;

import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a build: the daemon's image id (absent for daemonless builds), the tags, and the
 * pushed image pinned by digest when it was pushed.
 */
public record BuildResult(
    Optional<String> imageId, List<ImageReference> tags, Optional<PushedImage> pushed) {}
