package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.standalone.server.RunningServer.Session;
import io.jenkins.plugins.containercloud.testing.CapturedLog;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
      HttpResponse<String> started = startRollout("127.0.0.1:5000/testbed/web:2");
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

  /**
   * A client that left (a closed tab) is found out at the next write to it and dropped, with
   * nothing logged as a failure.
   */
  @Test
  void aClientThatLeft_isDroppedQuietly() throws Exception {
    Session viewer = server.login("viewer");
    try (CapturedLog log = CapturedLog.start()) {
      double before = streamClients();
      // A socket of its own, closed as a closing tab closes it (the HTTP client would keep it).
      try (Socket socket = openStream(server, viewer)) {
        assertThat(streamClients()).isEqualTo(before + 1);
      }
      // Events for the departed client: a rollout publishes several.
      HttpResponse<String> started = startRollout("127.0.0.1:5000/testbed/web:3");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(60)).until(() -> streamClients() <= before);
      assertThat(server.get("/readyz", null).statusCode()).isEqualTo(200);
      assertThat(log.text())
          .doesNotContain("/api/v1/stream failed")
          .doesNotContain("Response does not exist");
    }
  }

  /** Starts a rollout of Deployment {@code api} to {@code image}. */
  private static HttpResponse<String> startRollout(String image) {
    return server.postWithToken(
        "/api/v1/rollouts",
        "{\"cluster\":\"sandbox\",\"namespace\":\""
            + CLUSTER.namespace()
            + "\",\"kind\":\"Deployment\",\"name\":\"api\",\"image\":\""
            + image
            + "\"}",
        RunningServer.TOKEN);
  }

  /** Opens {@code /api/v1/stream} on a socket of its own and reads up to the first comment. */
  private static Socket openStream(RunningServer on, Session session) throws Exception {
    URI stream = URI.create(on.url("/api/v1/stream"));
    Socket socket = new Socket(stream.getHost(), stream.getPort());
    socket
        .getOutputStream()
        .write(
            ("GET /api/v1/stream HTTP/1.1\r\nHost: "
                    + stream.getAuthority()
                    + "\r\nAccept: text/event-stream\r\nCookie: "
                    + session.cookie()
                    + "\r\n\r\n")
                .getBytes(UTF_8));
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
    String line;
    do {
      line = lines.readLine();
      assertThat(line).as("the stream's opening lines").isNotNull();
    } while (!line.startsWith(":") || !line.contains("connected"));
    return socket;
  }

  /** The server's count of connected stream clients, from its metrics. */
  private static double streamClients() {
    Matcher gauge =
        Pattern.compile("(?m)^container_cloud_stream_clients(?:\\{[^}]*})? (\\S+)$")
            .matcher(server.get("/metrics", null).body());
    assertThat(gauge.find()).as("the stream clients gauge").isTrue();
    return Double.parseDouble(gauge.group(1));
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
