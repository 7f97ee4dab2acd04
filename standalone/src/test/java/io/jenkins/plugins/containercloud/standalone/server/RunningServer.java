package io.jenkins.plugins.containercloud.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code container-cloud serve} for a test, on a test cluster: configured from a real YAML file
 * with users {@code viewer}, {@code deployer} and {@code admin} (password {@code PASSWORD}) and a
 * deployer API token {@link #TOKEN}, listening on a free loopback port, history in a temporary H2
 * file. Talks to it over HTTP as a browser or a script would.
 */
final class RunningServer implements AutoCloseable {

  static final String PASSWORD = "correct horse battery staple";
  static final String TOKEN = "test-token-0123456789abcdefghijklmnop";
  static final String HOOK_SECRET = "Bearer hook-secret-5b1e9c";
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final ServerRuntime runtime;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String clusterName;
  private final StringWriter output = new StringWriter();

  RunningServer(TargetCluster cluster, String clusterName) {
    this(cluster, clusterName, "");
  }

  /**
   * @param extraYaml appended to the configuration (e.g. a {@code webhooks:} or {@code nodePools:}
   *     section; the file {@code hook-secret} beside it holds {@link #HOOK_SECRET})
   */
  RunningServer(TargetCluster cluster, String clusterName, String extraYaml) {
    this(cluster, clusterName, extraYaml, 0);
  }

  /** As above, listening on {@code port} (0: a free one). */
  RunningServer(TargetCluster cluster, String clusterName, String extraYaml, int port) {
    this.clusterName = clusterName;
    try {
      directory = Files.createTempDirectory("container-cloud-serve-");
      Files.writeString(directory.resolve("password"), PASSWORD + "\n");
      Files.writeString(directory.resolve("token"), TOKEN + "\n");
      Files.writeString(directory.resolve("hook-secret"), HOOK_SECRET + "\n");
      Path config = directory.resolve("server.yaml");
      Files.writeString(
          config,
          """
          server:
            host: 127.0.0.1
            port: 0
          clusters:
            - name: %s
              kubeconfig: %s
          users:
            - {name: viewer, role: viewer, password: {file: password}}
            - {name: deployer, role: deployer, password: {file: password}}
            - {name: admin, role: admin, password: {file: password}}
          apiTokens:
            - {name: ci, role: deployer, token: {file: token}}
          """
                  .formatted(clusterName, cluster.kubeconfig().toAbsolutePath())
              + extraYaml);
      runtime =
          ServerRuntime.start(
              ServerConfig.read(config, Map.of()).listeningOn(null, port),
              io.jenkins.plugins.containercloud.standalone.NodePoolsConfig.read(
                  config, clusterName),
              false,
              directory.resolve("data"),
              new PrintWriter(output, true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String clusterName() {
    return clusterName;
  }

  ServerRuntime runtime() {
    return runtime;
  }

  String url(String path) {
    return "http://127.0.0.1:" + runtime.port() + path;
  }

  /** A logged-in browser session: its cookie and the CSRF token the page carries. */
  record Session(String cookie, String csrf) {}

  Session login(String user) {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + user
                            + "&password="
                            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))));
    assertThat(answer.statusCode()).as("login of %s", user).isEqualTo(302);
    String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(URI.create(url("/"))).header("Cookie", cookie).GET());
    Matcher csrf = Pattern.compile("data-csrf-token=\"([^\"]*)\"").matcher(page.body());
    assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
    return new Session(cookie, csrf.group(1));
  }

  HttpResponse<String> get(String path, Session session) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
    if (session != null) {
      request.header("Cookie", session.cookie());
    }
    return send(request);
  }

  /** POSTs JSON as the page does: session cookie plus the CSRF header (when {@code csrf}). */
  HttpResponse<String> post(String path, String json, Session session, boolean csrf) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (session != null) {
      request.header("Cookie", session.cookie());
      if (csrf) {
        request.header("X-CSRF-Token", session.csrf());
      }
    }
    return send(request);
  }

  /** POSTs JSON as a script does: with the API token, no cookie, no CSRF token. */
  HttpResponse<String> postWithToken(String path, String json, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET of the JSON API with the deployer token {@link #TOKEN}, as a script sends it. */
  HttpResponse<String> apiGet(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + TOKEN)
            .GET());
  }

  /** The first trigger of a webhook delivery, as the deliveries API shows it now. */
  JsonNode firstTrigger(String delivery) {
    return json(apiGet("/api/v1/webhooks/deliveries/" + delivery)).at("/triggers/0");
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  String printed() {
    return output.toString();
  }

  @Override
  public void close() throws IOException {
    runtime.close();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
