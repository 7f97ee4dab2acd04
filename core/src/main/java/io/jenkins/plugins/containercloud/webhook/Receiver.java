package io.jenkins.plugins.containercloud.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One sender's rules: how its deliveries are authenticated, and what they say. */
interface Receiver {

  /**
   * Checks that the delivery comes from the hook's sender, over the raw bytes, before anything
   * reads them.
   *
   * @param pathSecret the secret segment of the URL (Docker Hub), or null
   * @throws DeliveryRefused saying what is missing or wrong, never the expected value
   */
  void verify(
      HookSettings hook, WebhookHeaders headers, byte[] body, String pathSecret, Instant now)
      throws DeliveryRefused;

  /**
   * Reads a verified delivery.
   *
   * @throws MalformedDelivery naming the header or field at fault
   */
  ParsedDelivery parse(WebhookHeaders headers, byte[] body) throws MalformedDelivery;

  /** The receiver for a source; {@code replays} is shared by a host's receivers. */
  static Receiver of(WebhookSource source, ReplayGuard replays) {
    return switch (source) {
      case GITHUB -> new GitHubReceiver();
      case GITLAB -> new GitLabReceiver(replays);
      case DOCKERHUB -> new DockerHubReceiver();
      case HARBOR -> new HarborReceiver();
      case REGISTRY -> new RegistryReceiver();
    };
  }

  /** The named headers that are present, for the record (never one that carries a secret). */
  static Map<String, String> recorded(WebhookHeaders headers, String... names) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String name : names) {
      String value = headers.nonBlank(name);
      if (value != null) {
        result.put(name, value.length() > 200 ? value.substring(0, 200) : value);
      }
    }
    return result;
  }

  /** A key that fits the history's column: long keys are replaced by their hash. */
  static String key(String source, String key) {
    String full = source + ":" + key;
    return full.length() <= 200
        ? full
        : source
            + ":sha256:"
            + Signatures.sha256Hex(full.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Refuses a body that is not sent as one of {@code types}. */
  static void requireContentType(WebhookHeaders headers, String fix, String... types)
      throws MalformedDelivery {
    String type = headers.mediaType();
    for (String allowed : types) {
      if (allowed.equals(type)) {
        return;
      }
    }
    throw new MalformedDelivery(
        "Content-Type is '" + (type.isEmpty() ? "(none)" : type) + "'; " + fix);
  }

  /**
   * Compares a header sent verbatim (Harbor's Auth Header, a registry endpoint's static header)
   * with the hook's secret, whole and in constant time.
   *
   * @param where what to set, and where, so that the sender sends it
   */
  static void requireHeader(HookSettings hook, WebhookHeaders headers, String header, String where)
      throws DeliveryRefused {
    String value = headers.get(header);
    if (value == null) {
      throw new DeliveryRefused(
          header + " is missing: " + where + " to this server's secret of hook " + hook.name());
    }
    if (!Signatures.same(value, hook.secret())) {
      throw new DeliveryRefused(header + " is not this hook's secret");
    }
  }
}
