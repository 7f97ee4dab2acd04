package io.jenkins.plugins.containercloud.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The senders a hook can receive from, by the name used in URLs and configuration. */
public enum WebhookSource {
  GITHUB("github"),
  GITLAB("gitlab"),
  DOCKERHUB("dockerhub"),
  HARBOR("harbor"),
  REGISTRY("registry");

  private final String id;

  WebhookSource(String id) {
    this.id = id;
  }

  /** The name in URLs ({@code /hooks/github/...}) and in the configuration. */
  public String id() {
    return id;
  }

  /**
   * The source named {@code text}.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static WebhookSource parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (WebhookSource source : values()) {
      if (source.id.equals(wanted)) {
        return source;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a webhook source; give one of " + names());
  }

  /** The known names, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(WebhookSource::id).collect(Collectors.joining(", "));
  }
}
