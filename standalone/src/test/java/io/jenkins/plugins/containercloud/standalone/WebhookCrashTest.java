package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash: {@code serve} killed with SIGKILL in the middle of a burst of deliveries; after a restart,
 * every delivery that was answered 202 is in the history and each of its triggers ended (run once,
 * or superseded by a newer delivery for the same workload) — none lost, none run twice.
 */
class WebhookCrashTest {

  private static final String AUTH = "Bearer crash-test-7d1f";
  private static final String TOKEN = "crash-test-token-0123456789abcdef";
  private static final int WORKLOADS = 4;
  private static final int SENDERS = 8;
  private static final int ACCEPTED_BEFORE_KILL = 60;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINAL =
      Set.of("SUCCEEDED", "FAILED", "ROLLED_BACK", "INTERRUPTED", "SUPERSEDED");

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  @TempDir Path dataHome;
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void killedMidBurst_everyAcceptedDeliveryIsProcessedOnce_afterRestart() throws Exception {
    Workloads workloads = new Workloads(CLUSTER);
    for (int w = 0; w < WORKLOADS; w++) {
      workloads.deployment("w" + w, 1, "1", 60);
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path config = config(port);
    String base = "http://127.0.0.1:" + port;

    CliProcess first = serve(config, "first.log");
    CliProcess.awaitReady(http, base);
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    AtomicInteger sent = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    for (int s = 0; s < SENDERS; s++) {
      senders.submit(
          () -> {
            // Bounded: each sender stops at its first failed request (the server is gone).
            for (int i = 0; i < 1000; i++) {
              int n = sent.incrementAndGet();
              try {
                HttpResponse<String> answer = deliver(base, n);
                if (answer.statusCode() == 202) {
                  accepted.add(JSON.readTree(answer.body()).get("delivery").asText());
                }
              } catch (IOException e) {
                return null;
              }
            }
            return null;
          });
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= ACCEPTED_BEFORE_KILL);
    first.kill();
    senders.shutdown();
    assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    Set<String> answered = Set.copyOf(accepted);
    // The kill cut work short: some accepted triggers had not ended (else this proves nothing).
    try (HistoryStore store =
        HistoryStore.open(HistoryDatabase.h2File(dataHome.resolve("container-cloud/history")))) {
      WebhookHistory history = new WebhookHistory(store);
      assertThat(history.pending(10_000).size() + history.running(10_000).size()).isPositive();
    }

    CliProcess second = serve(config, "second.log");
    try {
      CliProcess.awaitReady(http, base);
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> answered.stream().allMatch(id -> ended(base, id)));
      Set<String> deployments = new HashSet<>();
      Map<String, Integer> byWorkload = new HashMap<>();
      for (String id : answered) {
        JsonNode delivery = get(base, "/api/v1/webhooks/deliveries/" + id);
        assertThat(delivery.path("status").asText()).as(id).isEqualTo("PROCESSED");
        for (JsonNode t : delivery.get("triggers")) {
          String deployment = t.path("deploymentId").asText(null);
          if (!t.path("status").asText().equals("SUPERSEDED")) {
            assertThat(deployment).as("trigger of " + id + " ran").isNotNull();
            assertThat(deployments.add(deployment))
                .as("deployment " + deployment + " once")
                .isTrue();
            JsonNode record = get(base, "/api/v1/deployments/" + deployment, t).get("deployment");
            assertThat(record.path("triggeredBy").asText()).isEqualTo(id);
            byWorkload.merge(t.path("name").asText(), 1, Integer::sum);
          }
        }
      }
      // No delivery started two rollouts: the webhook records in the history are one per trigger.
      JsonNode records =
          get(base, "/api/v1/deployments?trigger=webhook&limit=1000").get("deployments");
      Map<String, Integer> perDelivery = new HashMap<>();
      records.forEach(r -> perDelivery.merge(r.path("triggeredBy").asText(), 1, Integer::sum));
      assertThat(perDelivery.values()).allMatch(count -> count == 1);
      assertThat(byWorkload).isNotEmpty();
    } finally {
      second.kill();
    }
  }

  private boolean ended(String base, String id) {
    try {
      JsonNode delivery = get(base, "/api/v1/webhooks/deliveries/" + id);
      for (JsonNode t : delivery.path("triggers")) {
        if (!FINAL.contains(t.path("status").asText())) {
          return false;
        }
      }
      return delivery.has("id");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private HttpResponse<String> deliver(String base, int n)
      throws IOException, InterruptedException {
    String digest = "sha256:%064x".formatted(n);
    String body =
        ("{\"events\":[{\"id\":\"crash-%d\",\"action\":\"push\",\"target\":{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"%s\","
                + "\"repository\":\"crash/w%d\",\"tag\":\"t%d\"},\"request\":{\"host\":"
                + "\"127.0.0.1:5000\"}}]}")
            .formatted(n, digest, n % WORKLOADS, n);
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/hooks/registry/crash"))
            .header("Content-Type", "application/vnd.docker.distribution.events.v2+json")
            .header("Authorization", AUTH)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String base, String path) throws IOException, InterruptedException {
    return get(base, path, null);
  }

  private JsonNode get(String base, String path, JsonNode context)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode())
        .as(path + ": " + answer.body() + (context == null ? "" : " for " + context))
        .isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private Path config(int port) throws IOException {
    Files.writeString(dir.resolve("hook"), AUTH);
    Files.writeString(dir.resolve("token"), TOKEN);
    StringBuilder rules = new StringBuilder();
    for (int w = 0; w < WORKLOADS; w++) {
      rules.append(
          "      - {name: w%d, repository: crash/w%d, target: {cluster: sandbox, namespace: %s, kind: Deployment, name: w%d}}\n"
              .formatted(w, w, CLUSTER.namespace(), w));
    }
    return Files.writeString(
        dir.resolve("server.yaml"),
        CliProcess.serveYaml(port, CLUSTER.kubeconfig())
            + """
        webhooks:
          - name: crash
            source: registry
            secret: {file: hook}
            ratePerSecond: 10000
            rules:
        %s"""
                .formatted(rules));
  }

  private CliProcess serve(Path config, String log) throws IOException {
    return CliProcess.start(
        dataHome, dir.resolve(log), List.of("serve", "--config", config.toString()));
  }
}
