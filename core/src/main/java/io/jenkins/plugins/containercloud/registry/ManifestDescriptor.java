package io.jenkins.plugins.containercloud.registry;

/** What a registry says about a manifest without its body: media type, digest and size. */
public record ManifestDescriptor(String mediaType, String digest, long size) {

  /** Whether this is a multi-platform index (OCI index or Docker manifest list). */
  public boolean isIndex() {
    return mediaType.equals(MediaTypes.OCI_INDEX)
        || mediaType.equals(MediaTypes.DOCKER_MANIFEST_LIST);
  }
}
