package io.jenkins.plugins.containercloud.registry;

import java.net.URI;
import java.util.Locale;

/** Where a registry host is reached: its base URI, and whether plain HTTP may be used. */
public record RegistryAddress(String host, boolean insecure) {

  /**
   * The address of a registry host; plain HTTP when {@code allowInsecure} or when the registry is
   * on loopback, as Docker allows.
   */
  public static RegistryAddress of(String host, boolean allowInsecure) {
    return new RegistryAddress(host, allowInsecure || isLoopback(host));
  }

  /** The base URI of the registry's API; Docker Hub's API lives on a host of its own. */
  public URI baseUri() {
    String apiHost = host.equals(ImageReference.DOCKER_HUB) ? "registry-1.docker.io" : host;
    return URI.create((insecure ? "http://" : "https://") + apiHost);
  }

  static boolean isLoopback(String registry) {
    String host = hostPart(registry).toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  private static String hostPart(String registry) {
    if (registry.startsWith("[")) {
      int close = registry.indexOf(']');
      return close < 0 ? registry : registry.substring(0, close + 1);
    }
    int colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }
}
