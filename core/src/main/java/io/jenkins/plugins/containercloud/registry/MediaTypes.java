package io.jenkins.plugins.containercloud.registry;

/**
 * The manifest media types this project reads: Docker schema 2 and OCI, single and multi-platform.
 */
public final class MediaTypes {

  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  /** The Accept header value that asks for any of them. */
  static final String ACCEPT_ANY =
      String.join(", ", OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST);

  private MediaTypes() {}
}
