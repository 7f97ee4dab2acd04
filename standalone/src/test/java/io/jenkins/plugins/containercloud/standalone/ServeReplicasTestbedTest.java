package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.scale.Machine;
import io.jenkins.plugins.containercloud.scale.NodeProvider;
import io.jenkins.plugins.containercloud.scale.NodeProviders;
import io.jenkins.plugins.containercloud.scale.ProviderSettings;
import io.jenkins.plugins.containercloud.testing.Bursts;
import io.jenkins.plugins.containercloud.testing.Ec2FaultProxy;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.PostgresSchema;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} processes on the testbed with one EC2 node pool (moto behind the fault proxy) and
 * the history in PostgreSQL: two replicas elect one on a Lease, only it orders machines; SIGKILL of
 * it in the middle of a scale-up (the instances made, their answer not yet back) lets the other
 * take over and finish the same scale-up — no instance twice, none leaked, every pod Running. And a
 * single replica killed in the middle of a drain finishes the drain when it comes back.
 */
class ServeReplicasTestbedTest {

  @RegisterExtension static final KubeTestbed TESTBED = new KubeTestbed();

  private static final Duration LONG = Duration.ofMinutes(3);
  private static final String TOKEN = "replicas-test-token-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK = "Bearer replicas-hook-5c2e";

  @TempDir Path dir;
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final String pool = "rep-" + run;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<CliProcess> processes = new ArrayList<>();
  private PostgresSchema schema;
  private Ec2FaultProxy proxy;
  private NodeProvider moto;

  @BeforeEach
  void setUp() throws Exception {
    schema = PostgresSchema.create();
    proxy = Ec2FaultProxy.start(Testbed.require("TESTBED_EC2_ENDPOINT"));
    Files.writeString(dir.resolve("token"), TOKEN);
    Files.writeString(dir.resolve("hook"), HOOK);
    Files.writeString(dir.resolve("db-password"), Testbed.postgresPassword());
    Files.writeString(dir.resolve("aws-credential"), "test");
    // The test's own view of moto, past the proxy, owning what serve owns.
    moto =
        NodeProviders.of(
            new ProviderSettings(
                "ec2",
                Map.of(
                    "endpoint",
                    Testbed.require("TESTBED_EC2_ENDPOINT"),
                    "region",
                    "us-east-1",
                    "accessKeyIdRef",
                    "file:" + dir.resolve("aws-credential"),
                    "secretAccessKeyRef",
                    "file:" + dir.resolve("aws-credential"))),
            "container-cloud/testbed");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (CliProcess p : processes) {
      p.kill();
    }
    KubernetesClient client = TESTBED.client();
    client.apps().deployments().inNamespace(TESTBED.namespace()).withName(pool).delete();
    client.pods().inNamespace(TESTBED.namespace()).withName(pool).delete();
    // Nothing this test made may outlive it.
    for (Machine m : moto.listOwned(pool)) {
      moto.delete(m.id());
      client.nodes().withName(m.id()).delete();
    }
    moto.close();
    proxy.close();
    schema.close();
  }

  @Test
  void twoReplicas_oneActs_andAfterSigkillOfItMidScaleUp_theOtherFinishesIt_noneTwiceNoneLeaked()
      throws Exception {
    CliProcess a = serve("replica-a");
    String first = url(a);
    CliProcess.awaitReady(http, first);
    await().atMost(LONG).until(() -> leadership(first).path("leading").asBoolean());
    CliProcess b = serve("replica-b");
    String second = url(b);
    CliProcess.awaitReady(http, second);
    await()
        .atMost(LONG)
        .until(() -> "replica-a".equals(leadership(second).path("leader").asText()));
    assertThat(leadership(second).path("leading").asBoolean()).isFalse();
    // The follower serves the API but runs no autoscaler.
    assertThat(get(second, "/api/v1/scaling").at("/clusters/0/running").asBoolean()).isFalse();

    // A delivery the follower stores is processed by the leader (it polls for pending triggers).
    String delivery = deliver(second);
    await()
        .atMost(LONG)
        .until(
            () ->
                "PROCESSED"
                    .equals(
                        get(second, "/api/v1/webhooks/deliveries/" + delivery)
                            .path("status")
                            .asText()));
    JsonNode trigger = get(first, "/api/v1/webhooks/deliveries/" + delivery).at("/triggers/0");
    assertThat(trigger.path("deploymentId").asText(null)).as(trigger.toString()).isNotNull();

    // The leader's RunInstances reaches moto, but its answer is held back: the kill lands between
    // the instances being made and the scale-up being recorded as created.
    proxy.delay("RunInstances", Duration.ofMinutes(5).toMillis());
    KubernetesClient client = TESTBED.client();
    client.resource(burst(6)).create();
    // 1500m pods on 4-CPU nodes: two per node, so three nodes is the optimum.
    await().atMost(LONG).until(() -> moto.listOwned(pool).size() == 3);
    assertThat(types(first))
        .containsOnlyOnce("SCALE_UP_REQUESTED")
        .doesNotContain("SCALE_UP_CREATED");
    a.kill();

    await().atMost(LONG).until(() -> leadership(second).path("leading").asBoolean());
    await()
        .atMost(LONG)
        .until(
            () ->
                pods(client).size() == 6
                    && pods(client).stream()
                        .allMatch(p -> "Running".equals(p.getStatus().getPhase())));
    List<Machine> machines = moto.listOwned(pool);
    assertThat(machines).hasSize(3);
    assertThat(proxy.runInstancesForwarded()).isEqualTo(1);
    for (Machine m : machines) {
      Node node = client.nodes().withName(m.id()).get();
      assertThat(node).as("the node of " + m.id()).isNotNull();
      assertThat(node.getSpec().getProviderID()).isEqualTo(m.providerId());
    }
    // The joiner made nodes of the instances already; the new leader records the scale-up it
    // repeated under the same idempotency key as created, without a second RunInstances.
    await().atMost(LONG).until(() -> types(second).contains("SCALE_UP_CREATED"));
    List<String> types = types(second);
    assertThat(types).containsOnlyOnce("SCALE_UP_REQUESTED", "SCALE_UP_CREATED");
    assertThat(moto.listOwned(pool)).hasSize(3);
    assertThat(proxy.runInstancesForwarded()).isEqualTo(1);
    JsonNode created = decision(second, "SCALE_UP_CREATED");
    assertThat(created.path("requestKey").asText())
        .isEqualTo(decision(second, "SCALE_UP_REQUESTED").path("requestKey").asText());
  }

  @Test
  void sigkillInTheMiddleOfADrain_theRestartedServerFinishesIt_nothingLeaked() throws Exception {
    CliProcess a = serve("drainer");
    String base = url(a);
    CliProcess.awaitReady(http, base);
    await().atMost(LONG).until(() -> leadership(base).path("leading").asBoolean());
    assertThat(post(base, "/api/v1/scaling/pools/" + pool + "/scale-up", "{\"nodes\":1}"))
        .isEqualTo(202);
    KubernetesClient client = TESTBED.client();
    await().atMost(LONG).until(() -> moto.listOwned(pool).size() == 1);
    String node = moto.listOwned(pool).get(0).id();
    await().atMost(LONG).until(() -> client.nodes().withName(node).get() != null);
    // A pod on the node that a PodDisruptionBudget keeps there: the drain starts and waits.
    client.resource(pinned(node)).create();
    client.resource(budget()).create();
    await()
        .atMost(LONG)
        .until(
            () ->
                client
                        .policy()
                        .v1()
                        .podDisruptionBudget()
                        .inNamespace(TESTBED.namespace())
                        .withName(pool)
                        .get()
                        .getStatus()
                        .getCurrentHealthy()
                    == 1);
    assertThat(
            post(
                base,
                "/api/v1/scaling/pools/" + pool + "/scale-down",
                "{\"node\":\"" + node + "\"}"))
        .isEqualTo(202);
    await().atMost(LONG).until(() -> types(base).contains("SCALE_DOWN_BLOCKED"));

    a.kill();
    client
        .policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(TESTBED.namespace())
        .withName(pool)
        .delete();
    CliProcess again = serve("drainer");
    String restarted = url(again);
    CliProcess.awaitReady(http, restarted);

    await().atMost(LONG).until(() -> moto.listOwned(pool).isEmpty());
    await().atMost(LONG).until(() -> client.nodes().withName(node).get() == null);
    assertThat(client.pods().inNamespace(TESTBED.namespace()).withName(pool).get()).isNull();
    await().atMost(LONG).until(() -> types(restarted).contains("MACHINE_TERMINATED"));
    assertThat(types(restarted))
        .contains("NODE_CORDONED", "NODE_DRAINED", "NODE_DELETED")
        .containsOnlyOnce("MACHINE_TERMINATED");
  }

  // --- the processes and their configuration ---

  private final Map<CliProcess, Integer> ports = new java.util.HashMap<>();

  private CliProcess serve(String identity) throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path config = dir.resolve(identity + ".yaml");
    Files.writeString(
        config,
        """
        server: {host: 127.0.0.1, port: %d}
        clusters:
          - {name: testbed, kubeconfig: %s, namespace: %s}
        history:
          url: %s
          user: %s
          password: {file: db-password}
        apiTokens:
          - {name: test, role: admin, token: {file: token}}
        leaderElection:
          namespace: %s
          name: %s
          identity: %s
          leaseDuration: 6s
          renewDeadline: 3s
          retryPeriod: 1s
        webhooks:
          - name: rep
            source: registry
            secret: {file: hook}
            rules:
              - {name: w, repository: rep/w, target: {cluster: testbed, namespace: %s, kind: Deployment, name: %s-web}}
        nodePools:
          - name: %s
            provider:
              type: ec2
              endpoint: %s
              region: us-east-1
              accessKeyId: {file: %s}
              secretAccessKey: {file: %s}
            template: {cpu: "4", memory: 16Gi, labels: {tier: %s}, instanceType: m5.xlarge, image: ami-12c6146b}
            min: 0
            max: 5
            scaleDownDelay: 10m
            maxProvisionTime: 10m
            bootstrap:
              joinToken: {file: %s}
              joinCommand: >-
                kubeadm join 127.0.0.1:16443 --token ${token}
                --discovery-token-unsafe-skip-ca-verification --node-labels=${nodeLabels}
              userData: "#!/bin/bash\\n${joinCommand}\\n"
        """
            .formatted(
                port,
                Testbed.require("KUBECONFIG"),
                TESTBED.namespace(),
                schema.url(),
                Testbed.postgresUser(),
                TESTBED.namespace(),
                "lease-" + run,
                identity,
                TESTBED.namespace(),
                pool,
                pool,
                proxy.endpoint(),
                dir.resolve("aws-credential"),
                dir.resolve("aws-credential"),
                pool,
                Testbed.require("TESTBED_JOIN_TOKEN_FILE")));
    CliProcess p =
        CliProcess.start(
            dir.resolve("data-" + identity),
            dir.resolve(identity + "-" + processes.size() + ".log"),
            List.of("serve", "--config", config.toString()));
    processes.add(p);
    ports.put(p, port);
    return p;
  }

  private String url(CliProcess p) {
    return "http://127.0.0.1:" + ports.get(p);
  }

  private io.fabric8.kubernetes.api.model.apps.Deployment burst(int replicas) {
    return Bursts.deployment(TESTBED.namespace(), pool, replicas, "1500m", "1Gi");
  }

  /** A pod with no controller on {@code node}: evicted, it is gone for good. */
  private Pod pinned(String node) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(pool)
        .withNamespace(TESTBED.namespace())
        .addToLabels("app", pool)
        .endMetadata()
        .withNewSpec()
        .addToNodeSelector("tier", pool)
        .addNewContainer()
        .withName("work")
        .withImage("registry.invalid/burst:1")
        .withNewResources()
        .addToRequests("cpu", new Quantity("100m"))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  private io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget budget() {
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata()
        .withName(pool)
        .withNamespace(TESTBED.namespace())
        .endMetadata()
        .withNewSpec()
        .withMinAvailable(new IntOrString(1))
        .withNewSelector()
        .addToMatchLabels("app", pool)
        .endSelector()
        .endSpec()
        .build();
  }

  private List<Pod> pods(KubernetesClient client) {
    return client.pods().inNamespace(TESTBED.namespace()).withLabel("app", pool).list().getItems();
  }

  // --- the API ---

  /** A registry notification for the hook, sent to {@code base}; its delivery id. */
  private String deliver(String base) throws Exception {
    String body =
        ("{\"events\":[{\"id\":\"rep-%s\",\"action\":\"push\",\"target\":{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:%064x\","
                + "\"repository\":\"rep/w\",\"tag\":\"t1\"},\"request\":{\"host\":"
                + "\"127.0.0.1:5000\"}}]}")
            .formatted(run, 1);
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/hooks/registry/rep"))
                .header("Content-Type", "application/vnd.docker.distribution.events.v2+json")
                .header("Authorization", HOOK)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    return JSON.readTree(answer.body()).path("delivery").asText();
  }

  private JsonNode leadership(String base) throws Exception {
    return get(base, "/api/v1/scaling").path("leadership");
  }

  /** The pool's recorded decision types, oldest first. */
  private List<String> types(String base) throws Exception {
    List<String> types = new ArrayList<>();
    for (JsonNode d : get(base, "/api/v1/scaling/decisions?limit=1000").path("decisions")) {
      if (pool.equals(d.path("pool").asText())) {
        types.add(0, d.path("type").asText());
      }
    }
    return types;
  }

  private JsonNode decision(String base, String type) throws Exception {
    for (JsonNode d : get(base, "/api/v1/scaling/decisions?limit=1000").path("decisions")) {
      if (pool.equals(d.path("pool").asText()) && type.equals(d.path("type").asText())) {
        return d;
      }
    }
    throw new AssertionError("no " + type + " decision");
  }

  private JsonNode get(String base, String path) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private int post(String base, String path, String body) throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return answer.statusCode();
  }
}
