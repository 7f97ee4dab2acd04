package io.jenkins.plugins.containercloud.sandbox;

import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.eventually;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.newNamespace;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.pods;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link DeploymentController} with the ReplicaSet controller beneath it. */
class DeploymentControllerTest {

  private static Sandbox sandbox;
  private static KubernetesClient client;
  private String ns;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start();
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
  void rollingUpdate_createsRevisions_andUndoReusesTheOldReplicaSet() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment("web", 4, "registry/web:1"))
        .create();
    awaitComplete("web", 4);
    ReplicaSet first = onlyReplicaSet();
    assertThat(first.getMetadata().getName()).startsWith("web-");
    String hash = first.getMetadata().getLabels().get("pod-template-hash");
    assertThat(first.getMetadata().getName()).isEqualTo("web-" + hash);
    assertThat(first.getSpec().getSelector().getMatchLabels())
        .containsEntry("pod-template-hash", hash);
    assertThat(first.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("pod-template-hash", hash);
    assertThat(revision(first)).isEqualTo("1");
    assertThat(revision(deployment("web"))).isEqualTo("1");

    setImage("web", "registry/web:2");

    awaitComplete("web", 4);
    List<ReplicaSet> sets = replicaSets();
    assertThat(sets).hasSize(2);
    ReplicaSet second =
        sets.stream()
            .filter(rs -> !rs.getMetadata().getUid().equals(first.getMetadata().getUid()))
            .findFirst()
            .orElseThrow();
    assertThat(revision(second)).isEqualTo("2");
    assertThat(revision(deployment("web"))).isEqualTo("2");
    assertThat(replicaSet(first.getMetadata().getName()).getSpec().getReplicas()).isZero();
    assertThat(pods(client, ns, Map.of("app", "web")))
        .hasSize(4)
        .allSatisfy(
            p ->
                assertThat(p.getSpec().getContainers().get(0).getImage())
                    .isEqualTo("registry/web:2"));

    // kubectl rollout undo: the old ReplicaSet's template, without its hash label, goes back.
    PodTemplateSpec previous = replicaSet(first.getMetadata().getName()).getSpec().getTemplate();
    previous.getMetadata().getLabels().remove("pod-template-hash");
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("web")
        .edit(
            d -> {
              d.getSpec().setTemplate(previous);
              return d;
            });

    awaitComplete("web", 4);
    eventually()
        .untilAsserted(
            () -> assertThat(revision(replicaSet(first.getMetadata().getName()))).isEqualTo("3"));
    assertThat(replicaSets()).hasSize(2);
    ReplicaSet reused = replicaSet(first.getMetadata().getName());
    assertThat(reused.getSpec().getReplicas()).isEqualTo(4);
    assertThat(reused.getMetadata().getAnnotations())
        .containsEntry("deployment.kubernetes.io/revision-history", "1");
    assertThat(revision(deployment("web"))).isEqualTo("3");
    assertThat(replicaSet(second.getMetadata().getName()).getSpec().getReplicas()).isZero();
  }

  @Test
  void rollingUpdate_staysWithinSurgeAndUnavailability() {
    AtomicInteger maxPods = new AtomicInteger();
    AtomicInteger minReady = new AtomicInteger(Integer.MAX_VALUE);
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment("bounded", 4, "registry/b:1"))
        .create();
    awaitComplete("bounded", 4);
    var watch =
        client
            .pods()
            .inNamespace(ns)
            .inform(
                EventHandlers.each(
                    p -> {
                      List<io.fabric8.kubernetes.api.model.Pod> pods =
                          pods(client, ns, Map.of("app", "bounded"));
                      maxPods.accumulateAndGet(pods.size(), Math::max);
                      minReady.accumulateAndGet(
                          (int) pods.stream().filter(Pods::isReady).count(), Math::min);
                    }));
    try {
      setImage("bounded", "registry/b:2");
      eventually().untilAsserted(() -> assertThat(replicaSets()).hasSize(2));
      awaitComplete("bounded", 4);
    } finally {
      watch.close();
    }

    // 25% of 4: one pod over, one pod under the desired four.
    assertThat(maxPods.get()).isLessThanOrEqualTo(5);
    assertThat(minReady.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void neverReadyPods_exceedTheProgressDeadline_whileTheOldPodsStayAvailable() {
    Deployment d = deployment("slow", 2, "registry/slow:1");
    d.getSpec().setProgressDeadlineSeconds(2);
    client.apps().deployments().inNamespace(ns).resource(d).create();
    awaitComplete("slow", 2);

    setImage("slow", "registry/slow:2-neverready");

    eventually()
        .atMost(java.time.Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              DeploymentCondition progressing = condition(deployment("slow"), "Progressing");
              assertThat(progressing.getStatus()).isEqualTo("False");
              assertThat(progressing.getReason()).isEqualTo("ProgressDeadlineExceeded");
              assertThat(progressing.getMessage())
                  .matches("ReplicaSet \"slow-\\w+\" has timed out progressing\\.");
            });
    Deployment stuck = deployment("slow");
    assertThat(condition(stuck, "Available").getStatus()).isEqualTo("True");
    assertThat(stuck.getStatus().getAvailableReplicas()).isEqualTo(2);
    assertThat(stuck.getStatus().getUpdatedReplicas()).isEqualTo(1);
    assertThat(stuck.getStatus().getUnavailableReplicas()).isEqualTo(1);
  }

  @Test
  void generation_countsSpecChanges_andObservedGenerationFollows() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment("gen", 1, "registry/gen:1"))
        .create();
    awaitComplete("gen", 1);
    assertThat(deployment("gen").getMetadata().getGeneration()).isEqualTo(1L);

    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("gen")
        .edit(
            x -> {
              x.getMetadata().setLabels(Map.of("team", "a"));
              return x;
            });
    assertThat(deployment("gen").getMetadata().getGeneration()).isEqualTo(1L);

    client.apps().deployments().inNamespace(ns).withName("gen").scale(2);

    awaitComplete("gen", 2);
    Deployment scaled = deployment("gen");
    assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);
    assertThat(scaled.getStatus().getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void pausedDeployment_waitsForResume() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment("paused", 2, "registry/p:1"))
        .create();
    awaitComplete("paused", 2);
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("paused")
        .edit(
            x -> {
              x.getSpec().setPaused(true);
              return x;
            });
    eventually()
        .untilAsserted(
            () ->
                assertThat(condition(deployment("paused"), "Progressing").getReason())
                    .isEqualTo("DeploymentPaused"));

    setImage("paused", "registry/p:2");
    eventually()
        .untilAsserted(
            () ->
                assertThat(deployment("paused").getStatus().getObservedGeneration()).isEqualTo(3L));
    assertThat(replicaSets()).hasSize(1);

    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("paused")
        .edit(
            x -> {
              x.getSpec().setPaused(false);
              return x;
            });

    awaitComplete("paused", 2);
    assertThat(replicaSets()).hasSize(2);
  }

  @Test
  void recreate_replacesAllPods_andRevisionHistoryLimitDeletesOldReplicaSets() {
    Deployment d = deployment("again", 2, "registry/a:1");
    d.getSpec().getStrategy().setType("Recreate");
    d.getSpec().getStrategy().setRollingUpdate(null);
    d.getSpec().setRevisionHistoryLimit(1);
    client.apps().deployments().inNamespace(ns).resource(d).create();
    awaitComplete("again", 2);

    setImage("again", "registry/a:2");
    awaitComplete("again", 2);
    setImage("again", "registry/a:3");
    awaitComplete("again", 2);

    eventually().untilAsserted(() -> assertThat(replicaSets()).hasSize(2));
    assertThat(replicaSets().stream().map(DeploymentControllerTest::revision).sorted().toList())
        .containsExactly("2", "3");
    assertThat(pods(client, ns, Map.of("app", "again")))
        .hasSize(2)
        .allSatisfy(
            p ->
                assertThat(p.getSpec().getContainers().get(0).getImage())
                    .isEqualTo("registry/a:3"));
  }

  @Test
  void deletingADeployment_deletesItsReplicaSetsAndPods_unlessOrphaned() {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment("kept", 2, "registry/k:1"))
        .create();
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment("gone", 2, "registry/g:1"))
        .create();
    awaitComplete("kept", 2);
    awaitComplete("gone", 2);

    client.apps().deployments().inNamespace(ns).withName("gone").delete();
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("kept")
        .withPropagationPolicy(DeletionPropagation.ORPHAN)
        .delete();

    eventually()
        .untilAsserted(
            () -> {
              assertThat(client.apps().deployments().inNamespace(ns).list().getItems()).isEmpty();
              assertThat(replicaSets())
                  .singleElement()
                  .satisfies(rs -> assertThat(rs.getMetadata().getOwnerReferences()).isEmpty());
              assertThat(pods(client, ns, Map.of("app", "gone"))).isEmpty();
              assertThat(pods(client, ns, Map.of("app", "kept"))).hasSize(2);
            });
  }

  private static Deployment deployment(String name, int replicas, String image) {
    Map<String, String> labels = Map.of("app", name);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withTemplate(SandboxFixture.template(labels, image))
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString("25%"))
        .withMaxUnavailable(new IntOrString("25%"))
        .endRollingUpdate()
        .endStrategy()
        .endSpec()
        .build();
  }

  private void setImage(String name, String image) {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName(name)
        .edit(
            d -> {
              d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
              return d;
            });
  }

  private void awaitComplete(String name, int replicas) {
    eventually()
        .untilAsserted(
            () -> {
              Deployment d = deployment(name);
              assertThat(d.getStatus().getObservedGeneration())
                  .isEqualTo(d.getMetadata().getGeneration());
              assertThat(d.getStatus().getReplicas()).isEqualTo(replicas);
              assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(replicas);
              assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(replicas);
              assertThat(condition(d, "Available").getStatus()).isEqualTo("True");
              assertThat(condition(d, "Progressing").getReason())
                  .isEqualTo("NewReplicaSetAvailable");
            });
  }

  private Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  private List<ReplicaSet> replicaSets() {
    return client.apps().replicaSets().inNamespace(ns).list().getItems().stream()
        .sorted(Comparator.comparing(rs -> rs.getMetadata().getCreationTimestamp()))
        .toList();
  }

  private ReplicaSet onlyReplicaSet() {
    List<ReplicaSet> sets = replicaSets();
    assertThat(sets).hasSize(1);
    return sets.get(0);
  }

  private ReplicaSet replicaSet(String name) {
    return client.apps().replicaSets().inNamespace(ns).withName(name).get();
  }

  private static String revision(io.fabric8.kubernetes.api.model.HasMetadata object) {
    return new HashMap<>(object.getMetadata().getAnnotations())
        .get("deployment.kubernetes.io/revision");
  }

  private static DeploymentCondition condition(Deployment d, String type) {
    return d.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
