package io.jenkins.plugins.containercloud.standalone.server;

import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.TriggerRule;
import io.jenkins.plugins.containercloud.webhook.WebhookSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's webhook: a registry hook for the sandbox's {@code shop/api}, to which the demo sends,
 * over HTTP like a registry would, a few correctly authenticated notifications soon after start — a
 * push that deploys, the same delivery again (answered {@code duplicate}), a burst of three pushes
 * of which only the newest deploys (the two before it are {@code superseded}), a blob push
 * (ignored) and one with a wrong secret (refused) — so that the Webhooks page has a story to show.
 */
final class DemoHook implements AutoCloseable {

  static final String NAME = "demo-registry";
  private static final String REGISTRY = "registry.demo.example";
  private static final Logger LOG = LoggerFactory.getLogger(DemoHook.class);

  private final String secret;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "demo-webhooks");
            t.setDaemon(true);
            return t;
          });

  /** A hook with a secret made for this run (the demo's sender is the only one that knows it). */
  DemoHook(String secret) {
    this.secret = "Bearer " + secret;
  }

  /** The hook, deploying pushes of {@code shop/api} to the sandbox's Deployment shop/api. */
  HookSettings settings() {
    return HookSettings.of(
        NAME,
        WebhookSource.REGISTRY,
        secret,
        null,
        List.of(
            new TriggerRule(
                "api",
                "shop/api",
                "*",
                null,
                new TriggerRule.RuleTarget("sandbox", "shop", "Deployment", "api", null),
                new TriggerRule.RolloutSettings("1", "0", 120))));
  }

  /** Sends the deliveries to the server listening on {@code port}, a few seconds from now. */
  void start(String host, int port) {
    String base =
        "http://"
            + (host == null || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host)
            + ":"
            + port
            + "/hooks/registry/"
            + NAME;
    timer.schedule(() -> play(URI.create(base)), 8, TimeUnit.SECONDS);
  }

  private void play(URI hook) {
    try {
      String first = envelope(push("2.4"));
      send(hook, first, secret);
      send(hook, first, secret); // a registry retrying: answered duplicate, runs nothing
      for (String tag : List.of("2.5", "2.6", "2.7")) {
        send(hook, envelope(push(tag)), secret); // while 2.4 rolls out: only 2.7 will follow it
      }
      send(hook, envelope(blob()), secret);
      send(hook, envelope(push("2.8")), "Bearer not-the-secret");
    } catch (RuntimeException e) {
      LOG.warn("the demo's webhook deliveries stopped: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(URI hook, String body, String authorization) throws InterruptedException {
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(hook)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/vnd.docker.distribution.events.v2+json")
                  .header("Authorization", authorization)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      LOG.info("demo webhook delivery answered {} {}", answer.statusCode(), answer.body());
    } catch (java.io.IOException e) {
      LOG.warn("demo webhook delivery failed: {}", e.getMessage());
    }
  }

  private static String envelope(String event) {
    return "{\"events\":[" + event + "]}";
  }

  /** A registry 3.x event of a tagged manifest push of shop/api (a made-up digest per tag). */
  private static String push(String tag) {
    String digest = "sha256:" + sha256("shop/api:" + tag + ":" + UUID.randomUUID());
    return """
        {"id":"%s","timestamp":"%s","action":"push",
         "target":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s",
           "size":527,"repository":"shop/api","tag":"%s"},
         "request":{"id":"demo","addr":"127.0.0.1","host":"%s","method":"PUT",
           "useragent":"container-cloud-demo"},
         "actor":{},"source":{"addr":"demo","instanceID":"demo"}}"""
        .formatted(UUID.randomUUID(), Instant.now(), digest, tag, REGISTRY);
  }

  /** A layer upload, which registries notify and which deploys nothing. */
  private static String blob() {
    return """
        {"id":"%s","timestamp":"%s","action":"push",
         "target":{"mediaType":"application/octet-stream","digest":"sha256:%s",
           "size":1024,"repository":"shop/api"},
         "request":{"id":"demo","addr":"127.0.0.1","host":"%s","method":"PUT",
           "useragent":"container-cloud-demo"},
         "actor":{},"source":{"addr":"demo","instanceID":"demo"}}"""
        .formatted(
            UUID.randomUUID(), Instant.now(), sha256(UUID.randomUUID().toString()), REGISTRY);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
