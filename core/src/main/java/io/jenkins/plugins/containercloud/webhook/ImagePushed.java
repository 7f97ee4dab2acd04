package io.jenkins.plugins.containercloud.webhook;

/**
 * An image pushed to a registry. {@code digest} is null when the sender does not say it (Docker
 * Hub): it is then resolved from the registry before anything is deployed. {@code tag} is null for
 * a push by digest alone (a platform manifest of a multi-arch image), which triggers nothing.
 *
 * @param registry the registry host, e.g. {@code ghcr.io} or {@code registry.example.com:5000}
 * @param repository the repository in that registry, e.g. {@code team/app}
 */
public record ImagePushed(String registry, String repository, String tag, String digest)
    implements PushEvent {

  /** The image to deploy: pinned by digest when known, else by tag. */
  public String image() {
    String name = registry == null || registry.isEmpty() ? repository : registry + "/" + repository;
    return digest != null ? name + "@" + digest : name + ":" + tag;
  }
}
