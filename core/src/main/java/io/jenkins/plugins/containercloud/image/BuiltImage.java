package io.jenkins.plugins.containercloud.image;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.util.List;

/** An image the daemon built: its id ({@code sha256:…}) and the references it is tagged with. */
public record BuiltImage(String imageId, List<ImageReference> tags) {}
