package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.standalone.server.RunningServer.Session;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/v1/stream}: events in order, and a reconnect with Last-Event-ID misses none. */
class EventStreamTest {

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  private static RunningServer server;

  @BeforeAll
  static void start() {
    new Workloads(CLUSTER).deployment("api", 3, "1", 60);
    server = new RunningServer(CLUSTER, "sandbox");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> server.get("/readyz", null).statusCode() == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /** One event as the wire carries it. */
  record Received(long id, String type, String data) {}

  @Test
  void eventsArriveInOrder_andAReconnectCatchesUpFromItsLastId() throws Exception {
    Session viewer = server.login("viewer");
    List<Received> first = new CopyOnWriteArrayList<>();
    try (Listener listener = listen(viewer, null, first)) {
      HttpResponse<String> started =
          server.postWithToken(
              "/api/v1/rollouts",
              "{\"cluster\":\"sandbox\",\"namespace\":\""
                  + CLUSTER.namespace()
                  + "\",\"kind\":\"Deployment\",\"name\":\"api\",\"image\":\"127.0.0.1:5000/testbed/web:2\"}",
              RunningServer.TOKEN);
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String id = json(started).get("id").asText();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  first.stream()
                      .anyMatch(
                          e ->
                              e.type().equals("rollout")
                                  && e.data().contains(id)
                                  && e.data().contains("\"SUCCEEDED\"")));
    }
    assertThat(first).extracting(Received::type).contains("rollout", "cluster");
    for (int i = 1; i < first.size(); i++) {
      assertThat(first.get(i).id())
          .as("ids follow each other")
          .isEqualTo(first.get(i - 1).id() + 1);
    }

    long resumeAfter = first.get(1).id();
    List<Received> expected = first.stream().filter(e -> e.id() > resumeAfter).toList();
    List<Received> second = new CopyOnWriteArrayList<>();
    try (Listener listener = listen(viewer, resumeAfter, second)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> second.size() >= expected.size());
    }
    assertThat(second.subList(0, expected.size())).isEqualTo(expected);
  }

  @Test
  void theStreamNeedsALogin() {
    assertThat(server.get("/api/v1/stream", null).statusCode()).isEqualTo(401);
  }

  private static Listener listen(Session session, Long lastEventId, List<Received> into)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url("/api/v1/stream")))
            .header("Cookie", session.cookie())
            .header("Accept", "text/event-stream")
            .GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", Long.toString(lastEventId));
    }
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    Thread reader = Thread.ofVirtual().start(() -> read(response.body(), into));
    return new Listener(response.body(), reader, client);
  }

  private static void read(InputStream body, List<Received> into) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String type = null;
      Long id = null;
      List<String> data = new ArrayList<>();
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (id != null) {
            into.add(new Received(id, type, String.join("\n", data)));
          }
          type = null;
          id = null;
          data.clear();
        } else if (line.startsWith("event:")) {
          type = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = Long.parseLong(line.substring(3).trim());
        } else if (line.startsWith("data:")) {
          data.add(line.substring(5).trim());
        }
      }
    } catch (java.io.IOException e) {
      // the listener was closed
    }
  }

  /** An open stream; closing it disconnects. */
  private record Listener(InputStream body, Thread reader, HttpClient client)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      body.close();
      client.close();
      reader.join(5_000);
    }
  }
}
