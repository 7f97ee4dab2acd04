package io.jenkins.plugins.containercloud.plugin.webhooks;

import java.util.Optional;

/**
 * The webhook endpoint's URL space, {@code JENKINS_URL/container-cloud-webhook/{source}/{hook}}
 * (Docker Hub: {@code .../dockerhub/{hook}/{secret}}): which requests the crumb exclusion exempts,
 * and how a path names a hook.
 */
public final class WebhookPaths {

  /** The root action's URL name. */
  public static final String URL_NAME = "container-cloud-webhook";

  private static final String PREFIX = "/" + URL_NAME + "/";

  private WebhookPaths() {}

  /**
   * Whether the crumb filter lets {@code pathInfo} (the request's path under Jenkins' context)
   * through without a crumb: only paths under the webhook endpoint, and none that could be
   * normalized to somewhere else (dot segments, path parameters, encoded or doubled slashes).
   */
  public static boolean exempt(String pathInfo) {
    if (pathInfo == null || !pathInfo.startsWith(PREFIX)) {
      return false;
    }
    String rest = pathInfo.substring(PREFIX.length());
    if (rest.isEmpty()
        || rest.startsWith("/")
        || rest.contains("//")
        || rest.contains(";")
        || rest.contains("%")) {
      return false;
    }
    for (String segment : rest.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The hook a path under the endpoint names ({@code /{source}/{hook}} or {@code
   * /{source}/{hook}/{secret}}), or empty when it names none.
   */
  public static Optional<Route> route(String restOfPath) {
    if (restOfPath == null) {
      return Optional.empty();
    }
    String rest = restOfPath.startsWith("/") ? restOfPath.substring(1) : restOfPath;
    String[] segments = rest.split("/", -1);
    if (segments.length < 2 || segments.length > 3) {
      return Optional.empty();
    }
    for (String segment : segments) {
      if (segment.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new Route(segments[0], segments[1], segments.length == 3 ? segments[2] : null));
  }

  /** A hook's address: its source and name, and Docker Hub's secret segment (else null). */
  public record Route(String source, String hook, String pathSecret) {

    @Override
    public String toString() {
      // Never the secret: this is what logs may show.
      return "/" + URL_NAME + "/" + source + "/" + hook + (pathSecret == null ? "" : "/<secret>");
    }
  }
}
