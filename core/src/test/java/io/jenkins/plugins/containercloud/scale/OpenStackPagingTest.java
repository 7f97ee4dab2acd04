package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OpenStackNodeProvider} follows Nova's {@code servers_links} "next" pages (goose's double
 * never pages, so a loopback stand-in answers here): an owned server on the second page is still
 * found, and the marker is asked of our own endpoint even when the link names another host.
 */
class OpenStackPagingTest {

  private HttpServer server;
  private final List<String> asked = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/v3/auth/tokens",
        x -> {
          x.getResponseHeaders().add("X-Subject-Token", "t-1");
          answer(
              x,
              201,
              "{\"token\":{\"catalog\":[{\"type\":\"compute\",\"endpoints\":[{\"interface\":"
                  + "\"public\",\"region_id\":\"r\",\"url\":\""
                  + base
                  + "/v2/p\"}]}]}}");
        });
    server.createContext(
        "/v2/p/servers/detail",
        x -> {
          String query = x.getRequestURI().getQuery();
          asked.add(query == null ? "" : query);
          if (query == null) {
            answer(
                x,
                200,
                "{\"servers\":["
                    + server("a")
                    + "],\"servers_links\":[{\"rel\":\"next\",\"href\":"
                    + "\"https://nova.internal/v2/p/servers/detail?marker=a\"}]}");
          } else {
            answer(x, 200, "{\"servers\":[" + server("b") + "]}");
          }
        });
    server.start();
  }

  private static String server(String id) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\"web-"
        + id
        + "\",\"status\":\"ACTIVE\",\"created\":\"2026-01-01T00:00:00Z\",\"metadata\":{\""
        + NodeProvider.POOL_TAG
        + "\":\"web\",\""
        + NodeProvider.OWNER_TAG
        + "\":\"me\"}}";
  }

  private static void answer(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void listOwned_followsTheNextLinks_onItsOwnEndpoint() throws IOException {
    Path password = Files.writeString(dir.resolve("password"), "pw");
    ProviderSettings settings =
        new ProviderSettings(
            "openstack",
            Map.of(
                "authUrl",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v3",
                "username",
                "u",
                "projectName",
                "p",
                "passwordRef",
                "file:" + password));

    try (OpenStackNodeProvider provider = OpenStackNodeProvider.connect(settings, "me")) {
      assertThat(provider.listOwned("web"))
          .extracting(Machine::id, Machine::providerId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("a", "openstack:///a"),
              org.assertj.core.groups.Tuple.tuple("b", "openstack:///b"));
    }
    assertThat(asked).containsExactly("", "marker=a");
  }
}
