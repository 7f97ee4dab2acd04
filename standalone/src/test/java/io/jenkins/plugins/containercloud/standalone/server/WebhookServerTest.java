package io.jenkins.plugins.containercloud.standalone.server;

import static io.jenkins.plugins.containercloud.standalone.server.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * {@code POST /hooks/...} through {@code serve}: a registry notification is verified, stored,
 * answered 202 and rolls the workload out to the pushed digest, recorded with the delivery as
 * trigger; the Webhooks API lists it; duplicates, refusals and Docker Hub's path secret.
 */
class WebhookServerTest {

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  static final String EVENTS_V2 = "application/vnd.docker.distribution.events.v2+json";
  private static RunningServer server;

  /**
   * A {@code webhooks:} section: a registry hook deploying testbed/web to {@code namespace}, a
   * Docker Hub hook without rules, and a GitHub hook with a build rule for it/app.
   */
  static String webhooksYaml(String namespace) {
    return webhooksYaml("sandbox", namespace);
  }

  /** As above, on the cluster configured as {@code cluster}. */
  static String webhooksYaml(String cluster, String namespace) {
    return """
        webhooks:
          - name: testbed
            source: registry
            secret: {file: hook-secret}
            rules:
              - name: web
                repository: testbed/web
                tags: "*"
                target: {cluster: %s, namespace: %s, kind: Deployment, name: api}
          - name: hub
            source: dockerhub
            secret: {file: hook-secret}
          - name: code
            source: github
            secret: {file: hook-secret}
            rules:
              - name: app
                repository: it/app
                branches: main
                build: {image: 127.0.0.1:5000/it/app}
                target: {cluster: %s, namespace: %s, kind: Deployment, name: api}
        """
        .formatted(cluster, namespace, cluster, namespace);
  }

  /** A registry 3.x notification of a tagged manifest push. */
  static String push(String eventId, String tag, String digest) {
    return """
        {"events":[{"id":"%s","timestamp":"2026-08-14T08:03:11Z","action":"push",
          "target":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s",
            "size":527,"length":527,"repository":"testbed/web",
            "url":"http://127.0.0.1:5000/v2/testbed/web/manifests/%s","tag":"%s"},
          "request":{"id":"r","addr":"127.0.0.1:40000","host":"127.0.0.1:5000","method":"PUT",
            "useragent":"docker/27"},"actor":{},"source":{"addr":"registry:5000","instanceID":"i"}}]}
        """
        .formatted(eventId, digest, digest, tag);
  }

  @BeforeAll
  static void start() {
    new Workloads(CLUSTER).deployment("api", 2, "1", 60);
    server = new RunningServer(CLUSTER, "sandbox", webhooksYaml(CLUSTER.namespace()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> server.get("/readyz", null).statusCode() == 200);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> deliver(RunningServer server, String path, String body, String auth) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", EVENTS_V2)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return server.send(request);
  }

  @Test
  void aRegistryPush_deploysThePushedDigest_recordedWithTheDeliveryAsTrigger() {
    String digest = "sha256:" + "ab".repeat(32);
    HttpResponse<String> answer =
        deliver(
            server,
            "/hooks/registry/testbed",
            push("ev-1", "2", digest),
            RunningServer.HOOK_SECRET);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    String delivery = json(answer).get("delivery").asText();
    assertThat(json(answer).at("/triggers/0/image").asText())
        .isEqualTo("127.0.0.1:5000/testbed/web@" + digest);

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> trigger(delivery).path("status").asText().equals("SUCCEEDED"));
    String deploymentId = trigger(delivery).path("deploymentId").asText();
    JsonNode record = json(api("/api/v1/deployments/" + deploymentId)).get("deployment");
    assertThat(record.path("trigger").asText()).isEqualTo("webhook");
    assertThat(record.path("triggeredBy").asText()).isEqualTo(delivery);
    assertThat(record.path("imageRequested").asText())
        .isEqualTo("127.0.0.1:5000/testbed/web@" + digest);

    HttpResponse<String> again =
        deliver(
            server,
            "/hooks/registry/testbed",
            push("ev-1", "2", digest),
            RunningServer.HOOK_SECRET);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("status").asText()).isEqualTo("duplicate");
  }

  @Test
  void refusedAndUnknown_get401And404_andTheRefusalIsListed() {
    HttpResponse<String> refused =
        deliver(
            server,
            "/hooks/registry/testbed",
            push("ev-2", "3", "sha256:" + "cd".repeat(32)),
            "Bearer nope");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).doesNotContain("hook-secret-5b1e9c");
    assertThat(deliver(server, "/hooks/registry/nope", "{}", null).statusCode()).isEqualTo(404);
    assertThat(deliver(server, "/hooks/registry/testbed/extra", "{}", null).statusCode())
        .isEqualTo(404);
    String id = json(refused).get("delivery").asText();
    JsonNode listed = json(api("/api/v1/webhooks/deliveries/" + id));
    assertThat(listed.path("verification").asText()).isEqualTo("REFUSED");
    assertThat(listed.toString()).doesNotContain("hook-secret-5b1e9c");
  }

  @Test
  void dockerHub_takesItsSecretFromThePath() {
    String body =
        "{\"push_data\":{\"pushed_at\":1786004521,\"tag\":\"1\"},\"repository\":{\"repo_name\":\"acme/shop\"}}";
    HttpRequest.Builder wrong =
        HttpRequest.newBuilder(URI.create(server.url("/hooks/dockerhub/hub/guess")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    assertThat(server.send(wrong).statusCode()).isEqualTo(401);
    HttpRequest.Builder right =
        HttpRequest.newBuilder(
                URI.create(
                    server.url(
                        "/hooks/dockerhub/hub/" + RunningServer.HOOK_SECRET.replace(" ", "%20"))))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> answer = server.send(right);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(json(answer).path("reason").asText()).contains("no trigger rule");
  }

  @Test
  void redeliver_needsAnAdmin() {
    HttpResponse<String> answer =
        deliver(
            server,
            "/hooks/registry/testbed",
            push("ev-3", "x", "sha256:" + "ef".repeat(32)),
            RunningServer.HOOK_SECRET);
    String id = json(answer).get("delivery").asText();
    RunningServer.Session deployer = server.login("deployer");
    assertThat(
            server
                .post("/api/v1/webhooks/deliveries/" + id + "/redeliver", "{}", deployer, true)
                .statusCode())
        .isEqualTo(403);
    RunningServer.Session admin = server.login("admin");
    HttpResponse<String> redelivered =
        server.post("/api/v1/webhooks/deliveries/" + id + "/redeliver", "{}", admin, true);
    assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(202);
    assertThat(
            json(api("/api/v1/webhooks/deliveries/" + json(redelivered).get("delivery").asText()))
                .path("redeliveryOf")
                .asText())
        .isEqualTo(id);
  }

  private static JsonNode trigger(String delivery) {
    return json(api("/api/v1/webhooks/deliveries/" + delivery)).at("/triggers/0");
  }

  private static HttpResponse<String> api(String path) {
    return server.send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Authorization", "Bearer " + RunningServer.TOKEN)
            .GET());
  }
}
