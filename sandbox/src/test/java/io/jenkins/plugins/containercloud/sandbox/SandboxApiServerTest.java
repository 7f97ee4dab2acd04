package io.jenkins.plugins.containercloud.sandbox;

import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.eventually;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.newNamespace;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.pods;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.rc;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.readyPods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link SandboxDispatcher}: the simulated API server's request semantics. */
class SandboxApiServerTest {

  private static Sandbox sandbox;
  private static KubernetesClient client;
  private String ns;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults().initialNodes(1));
    client = sandbox.client();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void namespace() {
    ns = newNamespace(client);
  }

  @Test
  void serverSideApply_createsThenMerges_andDropsWhatTheManagerNoLongerApplies() {
    Deployment applied =
        deployment("applied", "registry/a:1", Map.of("tier", "web", "owner", "team-a"));
    Deployment created =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(applied)
            .fieldManager("container-cloud")
            .forceConflicts()
            .serverSideApply();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(created.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("applied")
        .edit(
            d -> {
              d.getMetadata().getAnnotations().put("note", "set by someone else");
              return d;
            });

    Deployment reapplied =
        client
            .apps()
            .deployments()
            .inNamespace(ns)
            .resource(deployment("applied", "registry/a:2", Map.of("tier", "web")))
            .fieldManager("container-cloud")
            .forceConflicts()
            .serverSideApply();

    assertThat(reapplied.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(reapplied.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(reapplied.getSpec().getTemplate().getSpec().getContainers())
        .singleElement()
        .satisfies(c -> assertThat(c.getImage()).isEqualTo("registry/a:2"));
    assertThat(reapplied.getMetadata().getLabels())
        .containsEntry("tier", "web")
        .doesNotContainKey("owner");
    assertThat(reapplied.getMetadata().getAnnotations())
        .containsEntry("note", "set by someone else");
  }

  @Test
  void strategicMergePatch_mergesContainersByName() {
    Pod pod =
        client
            .pods()
            .inNamespace(ns)
            .resource(
                new io.fabric8.kubernetes.api.model.PodBuilder()
                    .withNewMetadata()
                    .withName("two")
                    .endMetadata()
                    .withNewSpec()
                    .addNewContainer()
                    .withName("app")
                    .withImage("registry/app:1")
                    .endContainer()
                    .addNewContainer()
                    .withName("sidecar")
                    .withImage("registry/side:1")
                    .endContainer()
                    .endSpec()
                    .build())
            .create();

    Pod patched =
        client
            .pods()
            .inNamespace(ns)
            .withName(pod.getMetadata().getName())
            .patch(
                PatchContext.of(PatchType.STRATEGIC_MERGE),
                "{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"registry/side:2\"}]}}");

    assertThat(patched.getSpec().getContainers())
        .extracting(c -> c.getName() + "=" + c.getImage())
        .containsExactly("app=registry/app:1", "sidecar=registry/side:2");
  }

  @Test
  void jsonPatchAndMergePatch_applyAndBumpTheResourceVersion() {
    ConfigMap cm =
        client
            .configMaps()
            .inNamespace(ns)
            .resource(configMap("settings", Map.of("a", "1")))
            .create();

    ConfigMap merged =
        client
            .configMaps()
            .inNamespace(ns)
            .withName("settings")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"b\":\"2\",\"a\":null}}");
    ConfigMap jsonPatched =
        client
            .configMaps()
            .inNamespace(ns)
            .withName("settings")
            .patch(
                PatchContext.of(PatchType.JSON),
                "[{\"op\":\"add\",\"path\":\"/data/c\",\"value\":\"3\"}]");

    assertThat(merged.getData()).isEqualTo(Map.of("b", "2"));
    assertThat(jsonPatched.getData()).isEqualTo(Map.of("b", "2", "c", "3"));
    assertThat(Long.parseLong(jsonPatched.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(merged.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(cm.getMetadata().getResourceVersion()));
  }

  @Test
  void lists_honourSetBasedLabelSelectorsAndFieldSelectors() {
    for (String track : List.of("stable", "canary", "edge")) {
      client
          .configMaps()
          .inNamespace(ns)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("cm-" + track)
                  .withLabels(Map.of("track", track))
                  .endMetadata()
                  .build())
          .create();
    }
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("placed", 2, Map.of("app", "placed"), "registry/p:1"))
        .create();
    eventually()
        .untilAsserted(
            () -> assertThat(readyPods(client, ns, Map.of("app", "placed"))).isEqualTo(2));
    String node = Pods.nodeName(pods(client, ns, Map.of("app", "placed")).get(0));

    List<String> inSet =
        client
            .configMaps()
            .inNamespace(ns)
            .withLabelIn("track", "stable", "edge")
            .list()
            .getItems()
            .stream()
            .map(c -> c.getMetadata().getName())
            .toList();
    List<String> onNode =
        client.pods().inNamespace(ns).withField("spec.nodeName", node).list().getItems().stream()
            .map(Pods::nodeName)
            .toList();
    List<String> running =
        client
            .pods()
            .inNamespace(ns)
            .withField("status.phase", "Running")
            .list()
            .getItems()
            .stream()
            .map(p -> p.getMetadata().getName())
            .toList();

    assertThat(inSet).containsExactly("cm-edge", "cm-stable");
    assertThat(onNode).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(node));
    assertThat(running).hasSize(2);
  }

  @Test
  void customResourceWithoutDefinition_isStoredAsItIs() {
    var widgets =
        new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
            .withGroup("example.com")
            .withVersion("v1")
            .withKind("Widget")
            .withPlural("widgets")
            .withNamespaced(true)
            .build();
    var widget =
        new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
            .withApiVersion("example.com/v1")
            .withKind("Widget")
            .withNewMetadata()
            .withName("w")
            .endMetadata()
            .addToAdditionalProperties("spec", Map.of("size", 3))
            .build();

    client.genericKubernetesResources(widgets).inNamespace(ns).resource(widget).create();

    var stored = client.genericKubernetesResources(widgets).inNamespace(ns).withName("w").get();
    assertThat(stored.getAdditionalProperties().get("spec")).isEqualTo(Map.of("size", 3));
    assertThat(client.genericKubernetesResources(widgets).inNamespace(ns).list().getItems())
        .hasSize(1);
  }

  @Test
  void staleUpdate_isAConflict() {
    ConfigMap cm =
        client.configMaps().inNamespace(ns).resource(configMap("stale", Map.of("a", "1"))).create();
    client
        .configMaps()
        .inNamespace(ns)
        .withName("stale")
        .edit(
            c -> {
              c.getData().put("a", "2");
              return c;
            });

    cm.getData().put("a", "3");

    assertThatThrownBy(() -> client.configMaps().inNamespace(ns).resource(cm).update())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void statusIsWrittenOnlyThroughItsSubresource_withoutBumpingTheGeneration() {
    ReplicationController created =
        client
            .replicationControllers()
            .inNamespace(ns)
            .resource(rc("status", 0, Map.of("app", "status"), "registry/s:1"))
            .create();
    ReplicationController withStatus =
        client.replicationControllers().inNamespace(ns).withName("status").get();
    withStatus.getStatus().setReadyReplicas(42);

    client.replicationControllers().inNamespace(ns).resource(withStatus).update();
    assertThat(
            ReplicationManager.zero(
                client
                    .replicationControllers()
                    .inNamespace(ns)
                    .withName("status")
                    .get()
                    .getStatus()
                    .getReadyReplicas()))
        .isNotEqualTo(42);

    ReplicationController current =
        client.replicationControllers().inNamespace(ns).withName("status").get();
    current.getStatus().setReadyReplicas(42);
    ReplicationController updated =
        client.replicationControllers().inNamespace(ns).resource(current).updateStatus();
    assertThat(updated.getStatus().getReadyReplicas()).isEqualTo(42);
    assertThat(updated.getMetadata().getGeneration())
        .isEqualTo(created.getMetadata().getGeneration());
  }

  @Test
  void scaleSubresource_readsAndSetsReplicas() {
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("scaled", 1, Map.of("app", "scaled"), "registry/s:1"))
        .create();

    client.replicationControllers().inNamespace(ns).withName("scaled").scale(3);

    assertThat(
            client
                .replicationControllers()
                .inNamespace(ns)
                .withName("scaled")
                .scale()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
    eventually()
        .untilAsserted(
            () -> assertThat(readyPods(client, ns, Map.of("app", "scaled"))).isEqualTo(3));
  }

  @Test
  void deploymentWhoseSelectorMissesItsTemplate_isInvalid() {
    Deployment invalid = deployment("invalid", "registry/i:1", Map.of());
    invalid.getSpec().getSelector().setMatchLabels(Map.of("app", "other"));

    assertThatThrownBy(() -> client.apps().deployments().inNamespace(ns).resource(invalid).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
  }

  @Test
  void replicationControllerWhoseSelectorMissesItsTemplate_isInvalid() {
    ReplicationController invalid = rc("mismatch", 1, Map.of("app", "a"), "registry/m:1");
    invalid.getSpec().setSelector(Map.of("app", "b"));

    assertThatThrownBy(
            () -> client.replicationControllers().inNamespace(ns).resource(invalid).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getStatus().getMessage())
                  .startsWith("ReplicationController \"mismatch\" is invalid:");
            });
  }

  @Test
  void deleteWithoutOptions_orphansTheReplicationControllersPods_asCoreV1Does() throws Exception {
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("legacy", 2, Map.of("app", "legacy"), "registry/l:1"))
        .create();
    eventually()
        .untilAsserted(
            () -> assertThat(readyPods(client, ns, Map.of("app", "legacy"))).isEqualTo(2));

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            sandbox.masterUrl()
                                + "/api/v1/namespaces/"
                                + ns
                                + "/replicationcontrollers/legacy"))
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    eventually()
        .untilAsserted(
            () -> {
              assertThat(client.replicationControllers().inNamespace(ns).withName("legacy").get())
                  .isNull();
              assertThat(pods(client, ns, Map.of("app", "legacy")))
                  .hasSize(2)
                  .allSatisfy(p -> assertThat(p.getMetadata().getOwnerReferences()).isEmpty());
            });
  }

  @Test
  void tableRequests_getKubectlsColumns() throws Exception {
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("table", 1, Map.of("app", "table"), "registry/t:1"))
        .create();
    eventually()
        .untilAsserted(
            () -> assertThat(readyPods(client, ns, Map.of("app", "table"))).isEqualTo(1));

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(sandbox.masterUrl() + "/api/v1/namespaces/" + ns + "/pods"))
                    .header(
                        "Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    var table = Json.parse(response.body());
    assertThat(Json.text(table, "kind")).isEqualTo("Table");
    List<String> columns = new java.util.ArrayList<>();
    table.path("columnDefinitions").forEach(c -> columns.add(Json.text(c, "name")));
    assertThat(columns).startsWith("Name", "Ready", "Status", "Restarts", "Age");
    var cells = table.path("rows").path(0).path("cells");
    assertThat(cells.path(1).asText()).isEqualTo("1/1");
    assertThat(cells.path(2).asText()).isEqualTo("Running");
    assertThat(Json.text(table.path("rows").path(0), "object", "metadata", "namespace"))
        .isEqualTo(ns);
  }

  @Test
  void informer_seesAddsUpdatesAndDeletes() {
    List<String> seen = new CopyOnWriteArrayList<>();
    SharedIndexInformer<ConfigMap> informer =
        client
            .configMaps()
            .inNamespace(ns)
            .inform(
                new io.fabric8.kubernetes.client.informers.ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ConfigMap obj) {
                    seen.add(Watcher.Action.ADDED + " " + obj.getData().get("v"));
                  }

                  @Override
                  public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                    seen.add(Watcher.Action.MODIFIED + " " + newObj.getData().get("v"));
                  }

                  @Override
                  public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {
                    seen.add(Watcher.Action.DELETED + " " + obj.getData().get("v"));
                  }
                },
                60_000);
    try {
      client.configMaps().inNamespace(ns).resource(configMap("watched", Map.of("v", "1"))).create();
      client
          .configMaps()
          .inNamespace(ns)
          .withName("watched")
          .edit(
              c -> {
                c.getData().put("v", "2");
                return c;
              });
      client.configMaps().inNamespace(ns).withName("watched").delete();

      eventually()
          .untilAsserted(
              () -> assertThat(seen).containsExactly("ADDED 1", "MODIFIED 2", "DELETED 2"));
    } finally {
      informer.close();
    }
  }

  @Test
  void kubeconfig_pointsAClientAtTheSandbox(@TempDir Path dir) throws Exception {
    Path file = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));

    Config config = Config.fromKubeconfig(Files.readString(file));
    try (KubernetesClient fromFile = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(fromFile.getConfiguration().getCurrentContext().getName()).isEqualTo("sandbox");
      assertThat(fromFile.getNamespace()).isEqualTo("default");
      assertThat(fromFile.nodes().list().getItems())
          .extracting(n -> n.getMetadata().getName())
          .containsExactly("sandbox-node-1");
    }
  }

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(new java.util.HashMap<>(data))
        .build();
  }

  private static Deployment deployment(String name, String image, Map<String, String> extraLabels) {
    Map<String, String> labels = Map.of("app", name);
    java.util.Map<String, String> metaLabels = new java.util.HashMap<>(labels);
    metaLabels.putAll(extraLabels);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(metaLabels)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withTemplate(SandboxFixture.template(labels, image))
        .endSpec()
        .build();
  }
}
