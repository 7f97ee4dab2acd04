package io.jenkins.plugins.containercloud.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link DemoHook}: {@code serve --demo} sends itself registry notifications, and its
 * Webhooks page then lists a deployed push, two superseded ones, the newest of the burst deployed,
 * an ignored blob push and a refused delivery.
 */
class DemoHookTest {

  private static final String TOKEN = "demo-test-token-0123456789abcdefghij";

  @TempDir Path dir;

  @Test
  void demo_sendsItselfDeliveries_acceptedSupersededIgnoredAndRefused() throws Exception {
    Files.writeString(dir.resolve("token"), TOKEN + "\n");
    Path config =
        Files.writeString(
            dir.resolve("server.yaml"),
            """
            server: {host: 127.0.0.1, port: 0}
            apiTokens:
              - {name: ci, role: viewer, token: {file: token}}
            """);
    try (ServerRuntime server =
        ServerRuntime.start(
            ServerConfig.read(config, Map.of()),
            true,
            dir.resolve("data"),
            new PrintWriter(new StringWriter()))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest list =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:" + server.port() + "/api/v1/webhooks/deliveries?limit=50"))
              .header("Authorization", "Bearer " + TOKEN)
              .build();
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> done(deliveries(http, list)));
      JsonNode deliveries = deliveries(http, list);
      List<String> triggers = statuses(deliveries);
      assertThat(triggers)
          .containsExactlyInAnyOrder("SUCCEEDED", "SUPERSEDED", "SUPERSEDED", "SUCCEEDED");
      List<String> kinds = new ArrayList<>();
      deliveries.forEach(d -> kinds.add(d.path("status").asText()));
      assertThat(kinds).contains("IGNORED", "REFUSED").hasSize(6);
    }
  }

  /** Every trigger of the demo's four pushes has ended. */
  private static boolean done(JsonNode deliveries) {
    List<String> statuses = statuses(deliveries);
    return statuses.size() == 4
        && statuses.stream().noneMatch(s -> s.equals("PENDING") || s.equals("RUNNING"));
  }

  private static List<String> statuses(JsonNode deliveries) {
    List<String> statuses = new ArrayList<>();
    deliveries.forEach(
        d -> d.path("triggers").forEach(t -> statuses.add(t.path("status").asText())));
    return statuses;
  }

  private static JsonNode deliveries(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return new ObjectMapper().readTree(answer.body()).path("deliveries");
  }
}
