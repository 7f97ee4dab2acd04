package io.jenkins.plugins.containercloud.image;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.util.List;

/**
 * An image in a registry, confirmed by a HEAD on its manifest.
 *
 * @param reference the main reference pinned by digest, e.g. {@code 127.0.0.1:5000/app:1@sha256:…}
 * @param digest the manifest digest
 * @param tags every tag that now points at the manifest
 */
public record PushedImage(ImageReference reference, String digest, List<ImageReference> tags) {

  /** {@code registry/repository@sha256:…}: what a deployment should run. */
  public ImageReference pinned() {
    return reference.pinned();
  }
}
