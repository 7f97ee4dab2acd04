package io.jenkins.plugins.containercloud.sandbox;

import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.eventually;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.newNamespace;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.pods;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.rc;
import static io.jenkins.plugins.containercloud.sandbox.SandboxFixture.readyPods;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link ReplicationManager} and the garbage collection of its pods. */
class ReplicationManagerTest {

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
  void scalesUpAndDown_withReadyPodsAndStatus() {
    Map<String, String> labels = Map.of("app", "web");
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("web", 3, labels, "registry/web:1"))
        .create();

    eventually().untilAsserted(() -> assertThat(readyPods(client, ns, labels)).isEqualTo(3));
    eventually()
        .untilAsserted(
            () -> {
              ReplicationController rc =
                  client.replicationControllers().inNamespace(ns).withName("web").get();
              assertThat(rc.getStatus().getReplicas()).isEqualTo(3);
              assertThat(rc.getStatus().getReadyReplicas()).isEqualTo(3);
              assertThat(rc.getStatus().getAvailableReplicas()).isEqualTo(3);
              assertThat(rc.getStatus().getFullyLabeledReplicas()).isEqualTo(3);
              assertThat(rc.getStatus().getObservedGeneration()).isEqualTo(1L);
            });
    assertThat(pods(client, ns, labels))
        .allSatisfy(
            p -> {
              assertThat(p.getMetadata().getName()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
              assertThat(OwnerRefs.controllerOf(p).orElseThrow().getName()).isEqualTo("web");
              assertThat(OwnerRefs.controllerOf(p).orElseThrow().getBlockOwnerDeletion()).isTrue();
            });

    client.replicationControllers().inNamespace(ns).withName("web").scale(1);

    eventually().untilAsserted(() -> assertThat(pods(client, ns, labels)).hasSize(1));
    eventually()
        .untilAsserted(
            () -> {
              ReplicationController rc =
                  client.replicationControllers().inNamespace(ns).withName("web").get();
              assertThat(rc.getMetadata().getGeneration()).isEqualTo(2L);
              assertThat(rc.getStatus().getObservedGeneration()).isEqualTo(2L);
              assertThat(rc.getStatus().getReplicas()).isEqualTo(1);
            });
  }

  @Test
  void releasesRelabelledPods_andAdoptsMatchingOrphans() {
    Map<String, String> labels = Map.of("app", "api", "track", "stable");
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("api", 2, labels, "registry/api:1"))
        .create();
    eventually().untilAsserted(() -> assertThat(readyPods(client, ns, labels)).isEqualTo(2));
    Pod relabelled = pods(client, ns, labels).get(0);

    client
        .pods()
        .inNamespace(ns)
        .withName(relabelled.getMetadata().getName())
        .edit(
            p -> {
              p.getMetadata().getLabels().put("track", "canary");
              return p;
            });

    eventually()
        .untilAsserted(
            () -> {
              Pod released =
                  client.pods().inNamespace(ns).withName(relabelled.getMetadata().getName()).get();
              assertThat(released.getMetadata().getOwnerReferences()).isEmpty();
              assertThat(pods(client, ns, labels)).hasSize(2);
            });

    client
        .pods()
        .inNamespace(ns)
        .withName(relabelled.getMetadata().getName())
        .edit(
            p -> {
              p.getMetadata().getLabels().put("track", "stable");
              return p;
            });

    eventually()
        .untilAsserted(
            () -> {
              List<Pod> pods = pods(client, ns, labels);
              assertThat(pods).hasSize(2);
              assertThat(pods).allSatisfy(p -> assertThat(OwnerRefs.controllerOf(p)).isPresent());
            });
  }

  @Test
  void orphanDelete_keepsPods_andARecreatedControllerAdoptsThem() {
    Map<String, String> labels = Map.of("app", "orphans");
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("orphans", 2, labels, "registry/o:1"))
        .create();
    eventually().untilAsserted(() -> assertThat(readyPods(client, ns, labels)).isEqualTo(2));
    List<String> before =
        pods(client, ns, labels).stream().map(p -> p.getMetadata().getName()).sorted().toList();

    client
        .replicationControllers()
        .inNamespace(ns)
        .withName("orphans")
        .withPropagationPolicy(DeletionPropagation.ORPHAN)
        .delete();

    eventually()
        .untilAsserted(
            () -> {
              assertThat(client.replicationControllers().inNamespace(ns).withName("orphans").get())
                  .isNull();
              assertThat(pods(client, ns, labels))
                  .hasSize(2)
                  .allSatisfy(p -> assertThat(p.getMetadata().getOwnerReferences()).isEmpty());
            });

    ReplicationController recreated =
        client
            .replicationControllers()
            .inNamespace(ns)
            .resource(rc("orphans", 2, labels, "registry/o:2"))
            .create();

    eventually()
        .untilAsserted(
            () ->
                assertThat(pods(client, ns, labels))
                    .allSatisfy(
                        p ->
                            assertThat(OwnerRefs.controllerOf(p).orElseThrow().getUid())
                                .isEqualTo(recreated.getMetadata().getUid())));
    assertThat(
            pods(client, ns, labels).stream().map(p -> p.getMetadata().getName()).sorted().toList())
        .isEqualTo(before);
  }

  @Test
  void foregroundDelete_keepsTheControllerUntilItsPodsAreGone() {
    Map<String, String> labels = Map.of("app", "fore");
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("fore", 2, labels, "registry/f:1"))
        .create();
    eventually().untilAsserted(() -> assertThat(readyPods(client, ns, labels)).isEqualTo(2));
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    var informer =
        client
            .replicationControllers()
            .inNamespace(ns)
            .inform(
                EventHandlers.each(
                    rc -> {
                      if (rc.getMetadata().getDeletionTimestamp() != null) {
                        seen.add(String.valueOf(rc.getMetadata().getFinalizers()));
                      }
                    }));
    try {
      client
          .replicationControllers()
          .inNamespace(ns)
          .withName("fore")
          .withPropagationPolicy(DeletionPropagation.FOREGROUND)
          .delete();

      eventually()
          .untilAsserted(
              () -> {
                assertThat(client.replicationControllers().inNamespace(ns).withName("fore").get())
                    .isNull();
                assertThat(pods(client, ns, labels)).isEmpty();
              });
      assertThat(seen).first().isEqualTo("[foregroundDeletion]");
    } finally {
      informer.close();
    }
  }

  @Test
  void backgroundDelete_removesThePods() {
    Map<String, String> labels = Map.of("app", "gone");
    client
        .replicationControllers()
        .inNamespace(ns)
        .resource(rc("gone", 2, labels, "registry/g:1"))
        .create();
    eventually().untilAsserted(() -> assertThat(readyPods(client, ns, labels)).isEqualTo(2));

    client.replicationControllers().inNamespace(ns).withName("gone").delete();

    eventually()
        .untilAsserted(() -> assertThat(client.pods().inNamespace(ns).list().getItems()).isEmpty());
  }
}
