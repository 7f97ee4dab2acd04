package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.standalone.server.RunningServer.Session;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON API over HTTP: login and roles, CSRF, validation, and the cluster views' data. */
class DashboardApiTest {

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  private static RunningServer server;
  private static String namespace;

  @BeforeAll
  static void start() {
    Workloads workloads = new Workloads(CLUSTER);
    workloads.deployment("api", 2, "1", 60);
    workloads.replicationController("web", 2, "1");
    namespace = CLUSTER.namespace();
    server = new RunningServer(CLUSTER, "sandbox");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> server.get("/readyz", null).statusCode() == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void probesAndMetricsAnswerWithoutLogin_theApiDoesNot() {
    assertThat(server.get("/healthz", null).statusCode()).isEqualTo(200);
    assertThat(server.get("/readyz", null).statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = server.get("/metrics", null);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");

    HttpResponse<String> refused = server.get("/api/v1/clusters", null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).at("/error/message").asText()).contains("log in");
    assertThat(server.get("/", null).statusCode()).as("the page sends to the login").isEqualTo(302);
  }

  @Test
  void everyAnswerCarriesTheEnforcingPolicy() {
    Session viewer = server.login("viewer");
    for (String path : new String[] {"/", "/login", "/app.js", "/api/v1/clusters", "/healthz"}) {
      HttpResponse<String> answer = server.get(path, viewer);
      assertThat(answer.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(DashboardServer.CONTENT_SECURITY_POLICY);
    }
  }

  @Test
  void aWrongPasswordIsRefused_theSessionCookieIsHttpOnlyAndStrict() {
    HttpResponse<String> wrong =
        server.send(
            HttpRequest.newBuilder(URI.create(server.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=guess")));
    assertThat(wrong.statusCode()).isEqualTo(302);
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=1");
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

    HttpResponse<String> right =
        server.send(
            HttpRequest.newBuilder(URI.create(server.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=admin&password="
                            + java.net.URLEncoder.encode(
                                RunningServer.PASSWORD, java.nio.charset.StandardCharsets.UTF_8))));
    assertThat(right.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly")
        .contains("SameSite=Strict");
  }

  @Test
  void theOverviewRendersFromOneRequest() {
    JsonNode clusters =
        json(server.get("/api/v1/clusters", server.login("viewer"))).get("clusters");
    assertThat(clusters).hasSize(1);
    JsonNode sandbox = clusters.get(0);
    assertThat(sandbox.get("name").asText()).isEqualTo("sandbox");
    assertThat(sandbox.get("status").asText()).isEqualTo("connected");
    JsonNode summary = sandbox.get("summary");
    assertThat(summary.at("/nodes/total").asInt())
        .isEqualTo(CLUSTER.client().nodes().list().getItems().size());
    assertThat(summary.at("/nodes/ready").asInt()).isEqualTo(summary.at("/nodes/total").asInt());
    assertThat(summary.at("/pods/Running").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(summary.at("/cpu/allocatableMillis").asLong()).isEqualTo(3 * 4000);
    assertThat(summary.at("/workloads/total").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void theClusterViewsShowWorkloadsServicesAndPods() {
    Session viewer = server.login("viewer");
    String base = "/api/v1/clusters/sandbox";
    JsonNode workloads =
        json(server.get(base + "/workloads?namespace=" + namespace, viewer)).get("workloads");
    assertThat(workloads.findValuesAsText("name")).contains("api", "web");
    JsonNode services =
        json(server.get(base + "/services?namespace=" + namespace, viewer)).get("services");
    JsonNode web = find(services, "web");
    assertThat(web.get("readyEndpoints").asInt()).isEqualTo(2);
    assertThat(web.get("pods")).hasSize(2);
    JsonNode pods =
        json(server.get(base + "/pods?namespace=" + namespace + "&workload=Deployment/api", viewer))
            .get("pods");
    assertThat(pods).hasSize(2);
    assertThat(pods.get(0).get("workload").asText()).startsWith("ReplicaSet/api-");
    JsonNode firstPage =
        json(server.get(base + "/pods?namespace=" + namespace + "&limit=1", viewer));
    assertThat(firstPage.get("pods")).hasSize(1);
    assertThat(firstPage.get("total").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(server.get(base + "/pods?limit=5001", viewer).statusCode()).isEqualTo(400);
    JsonNode nodes = json(server.get(base + "/nodes", viewer)).get("nodes");
    assertThat(nodes.get(0).at("/cpu/allocatableMillis").asLong()).isEqualTo(4000);
    assertThat(json(server.get(base + "/namespaces", viewer)).get("namespaces").toString())
        .contains(namespace);
    assertThat(server.get("/api/v1/clusters/nope/nodes", viewer).statusCode()).isEqualTo(404);
  }

  @Test
  void statechangesNeedTheCsrfTokenAndTheDeployerRole() {
    String body = rollout("api", "127.0.0.1:5000/testbed/web:2");
    Session deployer = server.login("deployer");
    HttpResponse<String> noToken = server.post("/api/v1/rollouts", body, deployer, false);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(json(noToken).at("/error/message").asText()).contains("CSRF");

    Session viewer = server.login("viewer");
    HttpResponse<String> asViewer = server.post("/api/v1/rollouts", body, viewer, true);
    assertThat(asViewer.statusCode()).isEqualTo(403);
    assertThat(json(asViewer).at("/error/message").asText()).contains("deployer role");

    HttpResponse<String> badToken = server.postWithToken("/api/v1/rollouts", body, "not-the-token");
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(image("api")).doesNotEndWith(":2"); // nothing changed on any refused request
  }

  @Test
  void aScriptDeploysWithItsToken_andTheRolloutIsRecorded() {
    HttpResponse<String> started =
        server.postWithToken(
            "/api/v1/rollouts",
            rollout("api", "127.0.0.1:5000/testbed/web:3"),
            RunningServer.TOKEN);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).get("id").asText();
    Session viewer = server.login("viewer");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(json(server.get("/api/v1/rollouts/" + id, viewer)).get("state").asText())
                    .isEqualTo("SUCCEEDED"));
    assertThat(image("api")).isEqualTo("127.0.0.1:5000/testbed/web:3");
    JsonNode record = json(server.get("/api/v1/deployments/" + id, viewer));
    assertThat(record.at("/deployment/outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(record.at("/deployment/triggeredBy").asText()).isEqualTo("ci");
    assertThat(record.get("events").size()).isGreaterThan(1);
    JsonNode history =
        json(server.get("/api/v1/deployments?name=api&trigger=user", viewer)).get("deployments");
    assertThat(history.findValuesAsText("id")).contains(id);
  }

  @Test
  void badRequestsNameTheFieldAndChangeNothing() {
    Session deployer = server.login("deployer");
    assertField(
        server.post("/api/v1/rollouts", rollout("api", "Not An Image!"), deployer, true), "image");
    assertField(
        server.post(
            "/api/v1/rollouts", rollout("missing", "127.0.0.1:5000/testbed/web:4"), deployer, true),
        "name");
    assertField(
        server.post(
            "/api/v1/rollouts",
            "{\"cluster\":\"sandbox\",\"namespace\":\""
                + namespace
                + "\",\"kind\":\"Deployment\",\"name\":\"api\","
                + "\"image\":\"127.0.0.1:5000/testbed/web:4\",\"replicas\":3}",
            deployer,
            true),
        "replicas");
    assertField(
        server.post(
            "/api/v1/rollouts",
            "{\"cluster\":\"sandbox\",\"namespace\":\""
                + namespace
                + "\",\"kind\":\"Pod\",\"name\":\"api\","
                + "\"image\":\"127.0.0.1:5000/testbed/web:4\"}",
            deployer,
            true),
        "kind");
    assertField(
        server.post(
            "/api/v1/rollouts",
            "{\"cluster\":\"sandbox\",\"namespace\":\""
                + namespace
                + "\",\"kind\":\"Deployment\",\"name\":\"api\","
                + "\"container\":\"nope\",\"image\":\"127.0.0.1:5000/testbed/web:4\"}",
            deployer,
            true),
        "container");
    assertField(server.get("/api/v1/deployments?outcome=MAYBE", deployer), "outcome");
    assertThat(server.post("/api/v1/rollouts", "{not json", deployer, true).statusCode())
        .isEqualTo(400);
    assertThat(image("api")).doesNotEndWith(":4");
  }

  private static void assertField(HttpResponse<String> answer, String field) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(json(answer).at("/error/field").asText()).as(answer.body()).isEqualTo(field);
  }

  static String rollout(String name, String image) {
    return "{\"cluster\":\"sandbox\",\"namespace\":\""
        + namespace
        + "\",\"kind\":\"Deployment\",\"name\":\""
        + name
        + "\",\"image\":\""
        + image
        + "\",\"timeoutSeconds\":60}";
  }

  private static String image(String deployment) {
    return new Workloads(CLUSTER).deploymentImage(deployment);
  }

  private static JsonNode find(JsonNode array, String name) {
    for (JsonNode item : array) {
      if (name.equals(item.get("name").asText())) {
        return item;
      }
    }
    throw new AssertionError("no " + name + " in " + array);
  }
}
