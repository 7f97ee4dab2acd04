package io.jenkins.plugins.containercloud.webhook;

/**
 * Looks a tag's digest up in its registry, for senders that do not say it (Docker Hub). The image
 * deployed is then pinned to what the tag named at that moment.
 */
@FunctionalInterface
public interface DigestResolver {

  /**
   * The image {@code reference} ({@code registry/repository:tag}) pinned by digest: {@code
   * registry/repository@sha256:…}, without the tag.
   *
   * @throws RuntimeException with a message naming the image when the registry cannot say
   */
  String pin(String reference);
}
