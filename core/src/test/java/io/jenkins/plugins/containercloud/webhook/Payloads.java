package io.jenkins.plugins.containercloud.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The test payloads (written from the senders' documented schemas) and how senders sign them. */
final class Payloads {

  static final String DIGEST =
      "sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945";

  private Payloads() {}

  static byte[] read(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test payload " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GitHub's signature header value for {@code body} under {@code secret}. */
  static String gitHubSignature(String secret, byte[] body) {
    return "sha256="
        + Signatures.hex(Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body));
  }

  /** GitHub's headers for an event, signed. */
  static Map<String, List<String>> gitHub(
      String event, String delivery, String secret, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/json"));
    headers.put("X-GitHub-Event", List.of(event));
    headers.put("X-GitHub-Delivery", List.of(delivery));
    headers.put("X-GitHub-Hook-ID", List.of("490211"));
    headers.put("User-Agent", List.of("GitHub-Hookshot/8c7a1f2"));
    headers.put("X-Hub-Signature-256", List.of(gitHubSignature(secret, body)));
    return headers;
  }

  /** A GitLab signing token: whsec_ and 32 bytes in base64. */
  static String signingToken() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + 3);
    }
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** The Standard Webhooks signature GitLab sends with a signing token. */
  static String gitLabSignature(String token, String id, long timestamp, byte[] body) {
    byte[] key = Base64.getDecoder().decode(token.substring("whsec_".length()));
    return "v1,"
        + Base64.getEncoder()
            .encodeToString(
                Signatures.hmacSha256(
                    key, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
  }

  static WebhookHeaders headers(String... nameValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      map.put(nameValues[i], List.of(nameValues[i + 1]));
    }
    return WebhookHeaders.of(map);
  }

  /** A registry's push notification for {@code registry.example.com:5000/team/web:tag}. */
  static byte[] registryPush(String eventId, String tag) {
    return ("{\"events\":[{\"id\":\"%s\",\"action\":\"push\",\"target\":{\"mediaType\":"
            + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:%064x\","
            + "\"repository\":\"team/web\",\"tag\":\"%s\"},\"request\":{\"host\":"
            + "\"registry.example.com:5000\"}}]}")
        .formatted(eventId, tag.hashCode(), tag)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Sends {@link #registryPush} to the registry hook {@code registry} of {@code intake}. */
  static WebhookAnswer sendRegistryPush(
      WebhookIntake intake, String authorization, String eventId, String tag) {
    return intake.receive(
        "registry",
        "registry",
        Map.of(
            "Authorization", List.of(authorization),
            "Content-Type", List.of(RegistryReceiver.EVENTS_V2)),
        new java.io.ByteArrayInputStream(registryPush(eventId, tag)),
        null);
  }

  static TriggerRule rule(String name, String repository, String tags) {
    return new TriggerRule(
        name,
        repository,
        tags,
        null,
        new TriggerRule.RuleTarget("prod", "shop", "Deployment", "web", null),
        null);
  }
}
