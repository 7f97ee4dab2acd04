package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code docs/api/openapi.yaml} against the server: the same routes, and every GET's answer (on a
 * cluster with workloads and a recorded rollout) has the documented shape — required fields
 * present, types as written, recursively.
 */
class OpenApiConformanceTest {

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  private static final String PREFIX = "/api/v1";
  private static JsonNode spec;
  private static RunningServer server;
  private static String rolloutId;
  private static String deliveryId;

  @BeforeAll
  static void start() throws IOException {
    spec =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("..", "docs", "api", "openapi.yaml").toFile());
    new Workloads(CLUSTER).deployment("api", 2, "1", 60);
    server =
        new RunningServer(CLUSTER, "sandbox", WebhookServerTest.webhooksYaml(CLUSTER.namespace()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> server.get("/readyz", null).statusCode() == 200);
    HttpResponse<String> started =
        server.postWithToken(
            "/api/v1/rollouts",
            "{\"cluster\":\"sandbox\",\"namespace\":\""
                + CLUSTER.namespace()
                + "\",\"kind\":\"Deployment\",\"name\":\"api\",\"image\":\"127.0.0.1:5000/testbed/web:2\"}",
            RunningServer.TOKEN);
    rolloutId = json(started).get("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> get("/rollouts/" + rolloutId).body().contains("SUCCEEDED"));
    // A delivery that triggers nothing (tag "none" matches, but the workload it names is busy
    // with nothing: the trigger runs and is listed either way).
    deliveryId =
        json(WebhookServerTest.deliver(
                server,
                "/hooks/registry/testbed",
                WebhookServerTest.push("oa-1", "2", "sha256:" + "12".repeat(32)),
                RunningServer.HOOK_SECRET))
            .get("delivery")
            .asText();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theServerHasExactlyTheDocumentedRoutes() {
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + PREFIX + path.getKey()));
    }
    assertThat(server.runtime().server().apiRoutes()).isEqualTo(documented);
  }

  @Test
  void everyGetAnswersWithTheDocumentedShape() {
    List<String> checked = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      JsonNode get = path.getValue().get("get");
      if (get == null || path.getKey().equals("/stream")) {
        continue;
      }
      String url =
          path.getKey()
              .replace("{cluster}", "sandbox")
              .replace("{id}", path.getKey().startsWith("/webhooks/") ? deliveryId : rolloutId);
      HttpResponse<String> answer = get(url);
      assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(200);
      JsonNode schema = get.at("/responses/200/content/application~1json/schema");
      conforms(json(answer), schema, url);
      checked.add(url);
    }
    assertThat(checked).hasSizeGreaterThan(10);
  }

  @Test
  void errorsHaveTheDocumentedShape() {
    JsonNode schema = spec.at("/components/responses/Error/content/application~1json/schema");
    conforms(json(get("/clusters/nope/nodes")), schema, "404");
    conforms(json(server.get("/api/v1/clusters", null)), schema, "401");
  }

  private static HttpResponse<String> get(String path) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url(PREFIX + path)))
            .header("Authorization", "Bearer " + RunningServer.TOKEN)
            .GET());
  }

  /** A small checker for the subset of JSON Schema the document uses. */
  private static void conforms(JsonNode value, JsonNode schema, String where) {
    if (schema.has("$ref")) {
      conforms(value, spec.at(schema.get("$ref").asText().substring(1)), where);
      return;
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      boolean any = false;
      for (JsonNode t : type) {
        any |= matchesType(value, t.asText());
      }
      assertThat(any).as(where + " is one of " + type + ": " + value).isTrue();
      return;
    }
    String t = type == null ? "object" : type.asText();
    assertThat(matchesType(value, t)).as(where + " is " + t + ": " + value).isTrue();
    if (schema.has("enum")) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(e -> allowed.add(e.asText()));
      assertThat(allowed).as(where).contains(value.asText());
    }
    if (t.equals("object")) {
      if (schema.has("required")) {
        for (JsonNode field : schema.get("required")) {
          assertThat(value.has(field.asText()))
              .as(where + " has " + field.asText() + ": " + value)
              .isTrue();
        }
      }
      JsonNode properties = schema.get("properties");
      for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (properties != null && properties.has(field.getKey())) {
          conforms(field.getValue(), properties.get(field.getKey()), where + "." + field.getKey());
        } else if (schema.get("additionalProperties") != null
            && schema.get("additionalProperties").isObject()) {
          conforms(
              field.getValue(), schema.get("additionalProperties"), where + "." + field.getKey());
        } else {
          assertThat(properties).as(where + " documents " + field.getKey()).isNull();
        }
      }
    }
    if (t.equals("array")) {
      int i = 0;
      for (JsonNode item : value) {
        conforms(item, schema.get("items"), where + "[" + i++ + "]");
      }
    }
  }

  private static boolean matchesType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> true;
    };
  }
}
