package io.jenkins.plugins.containercloud.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof that the testbed runs a real control plane: the real scheduler places pods on kwok nodes,
 * the real controllers scale and roll out, kwok's stages follow the image-tag conventions, and a
 * fabric8 watch survives an apiserver restart.
 */
class KubernetesTestbedTest {

  @RegisterExtension static final KubeTestbed kube = new KubeTestbed();

  // Objects fill in their status over time: a missing field is "not yet", hence ignoreExceptions.
  private static final Duration DEADLINE = Duration.ofMinutes(2);

  @Test
  void replicationController_getsItsPodsScheduledAndReady_andScalesToZero() {
    kube.client().resource(replicationController("rc-five", 5, "100m", "64Mi")).create();

    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              List<Pod> pods = pods("app", "rc-five");
              assertThat(pods).hasSize(5);
              assertThat(pods)
                  .allSatisfy(
                      pod -> {
                        assertThat(pod.getSpec().getNodeName()).startsWith("kwok-node-");
                        assertThat(condition(pod, "Ready")).contains("True");
                      });
            });

    kube.client()
        .replicationControllers()
        .inNamespace(kube.namespace())
        .withName("rc-five")
        .scale(0);

    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(pods("app", "rc-five")).isEmpty());
  }

  @Test
  void podsBeyondFreeCapacity_stayUnschedulable_untilANodeIsAdded() {
    String node = "kwok-extra-" + kube.namespace().substring(kube.namespace().length() - 6);
    kube.client().resource(pod("too-big", "127.0.0.1:5000/hello-app:1", "6", "1Gi")).create();

    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Pod pod =
                  kube.client().pods().inNamespace(kube.namespace()).withName("too-big").get();
              PodCondition scheduled =
                  pod.getStatus().getConditions().stream()
                      .filter(c -> c.getType().equals("PodScheduled"))
                      .findFirst()
                      .orElseThrow();
              assertThat(scheduled.getStatus()).isEqualTo("False");
              assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
              assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
            });

    kube.addNode(node, "8", "16Gi", "110");

    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Pod pod =
                  kube.client().pods().inNamespace(kube.namespace()).withName("too-big").get();
              assertThat(pod.getSpec().getNodeName()).isEqualTo(node);
              assertThat(condition(pod, "Ready")).contains("True");
            });
  }

  @Test
  void deploymentRollout_completes_withKubectlSetImage() {
    kube.client().resource(deployment("web", "127.0.0.1:5000/hello-app:1", 600)).create();
    kube.run(
        "kubectl", "-n", kube.namespace(), "rollout", "status", "deployment/web", "--timeout=120s");

    kube.run(
        "kubectl",
        "-n",
        kube.namespace(),
        "set",
        "image",
        "deployment/web",
        "app=127.0.0.1:5000/hello-app:2");
    String status =
        kube.run(
            "kubectl",
            "-n",
            kube.namespace(),
            "rollout",
            "status",
            "deployment/web",
            "--timeout=120s");

    assertThat(status).contains("successfully rolled out");
    Deployment web =
        kube.client().apps().deployments().inNamespace(kube.namespace()).withName("web").get();
    assertThat(web.getStatus().getUpdatedReplicas()).isEqualTo(3);
    assertThat(web.getStatus().getReadyReplicas()).isEqualTo(3);
  }

  @Test
  void neverReadyImage_exceedsTheProgressDeadline() {
    kube.client().resource(deployment("stuck", "127.0.0.1:5000/hello-app:1", 600)).create();
    kube.run(
        "kubectl",
        "-n",
        kube.namespace(),
        "rollout",
        "status",
        "deployment/stuck",
        "--timeout=120s");
    // A short deadline only for the update: the first rollout may be slow on a busy machine.
    kube.run(
        "kubectl",
        "-n",
        kube.namespace(),
        "patch",
        "deployment/stuck",
        "--type=merge",
        "-p",
        "{\"spec\":{\"progressDeadlineSeconds\":10}}");

    kube.run(
        "kubectl",
        "-n",
        kube.namespace(),
        "set",
        "image",
        "deployment/stuck",
        "app=127.0.0.1:5000/hello-app:2-neverready");

    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Deployment stuck =
                  kube.client()
                      .apps()
                      .deployments()
                      .inNamespace(kube.namespace())
                      .withName("stuck")
                      .get();
              DeploymentCondition progressing =
                  stuck.getStatus().getConditions().stream()
                      .filter(c -> c.getType().equals("Progressing"))
                      .findFirst()
                      .orElseThrow();
              assertThat(progressing.getStatus()).isEqualTo("False");
              assertThat(progressing.getReason()).isEqualTo("ProgressDeadlineExceeded");
            });
    assertThat(pods("app", "stuck"))
        .filteredOn(p -> p.getSpec().getContainers().get(0).getImage().endsWith("-neverready"))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(condition(p, "Ready")).isNotEqualTo(Optional.of("True")));
  }

  @Test
  void crashLoopImage_crashLoopsWithRisingRestarts() {
    kube.client()
        .resource(pod("crasher", "127.0.0.1:5000/hello-app:1-crashloop", "10m", "16Mi"))
        .create();

    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Pod pod =
                  kube.client().pods().inNamespace(kube.namespace()).withName("crasher").get();
              assertThat(pod.getStatus().getContainerStatuses()).isNotEmpty();
              var status = pod.getStatus().getContainerStatuses().get(0);
              assertThat(status.getState().getWaiting()).isNotNull();
              assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
              assertThat(status.getRestartCount()).isGreaterThanOrEqualTo(2);
              assertThat(condition(pod, "Ready")).isNotEqualTo(Optional.of("True"));
            });
  }

  /**
   * A plain fabric8 {@code Watch} does not survive this: the restarting apiserver closes its
   * watches normally (WebSocket code 1000), and fabric8 reports that to {@code Watcher.onClose()}
   * without reconnecting. An informer's reflector re-establishes the watch from its last resource
   * version, which is why the engine reads the cluster through informers.
   */
  @Test
  void informerWatch_survivesAnApiserverRestart_andResumes() {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (SharedIndexInformer<ConfigMap> informer =
        kube.client()
            .configMaps()
            .inNamespace(kube.namespace())
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ConfigMap configMap) {
                    seen.add("ADDED " + configMap.getMetadata().getName());
                  }

                  @Override
                  public void onUpdate(ConfigMap before, ConfigMap after) {}

                  @Override
                  public void onDelete(ConfigMap configMap, boolean finalStateUnknown) {}
                })) {
      kube.client().resource(configMap("before")).create();
      await().atMost(DEADLINE).ignoreExceptions().until(() -> seen.contains("ADDED before"));

      kube.restart("apiserver");
      kube.client().resource(configMap("after")).create();

      await()
          .atMost(DEADLINE)
          .ignoreExceptions()
          .alias("the informer sees a config map created after the restart; it saw " + seen)
          .until(() -> seen.contains("ADDED after"));
      assertThat(informer.isWatching()).isTrue();
    }
  }

  private List<Pod> pods(String label, String value) {
    return kube.client()
        .pods()
        .inNamespace(kube.namespace())
        .withLabel(label, value)
        .list()
        .getItems();
  }

  private static Optional<String> condition(Pod pod, String type) {
    return pod.getStatus() == null || pod.getStatus().getConditions() == null
        ? Optional.empty()
        : pod.getStatus().getConditions().stream()
            .filter(c -> c.getType().equals(type))
            .map(PodCondition::getStatus)
            .findFirst();
  }

  private ReplicationController replicationController(
      String name, int replicas, String cpu, String memory) {
    return new ReplicationControllerBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(kube.namespace())
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withSelector(Map.of("app", name))
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app", name))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("127.0.0.1:5000/hello-app:1")
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
        .endResources()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private Pod pod(String name, String image, String cpu, String memory) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(kube.namespace())
        .withLabels(Map.of("app", name))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(image)
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  private Deployment deployment(String name, String image, int progressDeadlineSeconds) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(kube.namespace())
        .endMetadata()
        .withNewSpec()
        .withReplicas(3)
        .withProgressDeadlineSeconds(progressDeadlineSeconds)
        .withNewSelector()
        .withMatchLabels(Map.of("app", name))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app", name))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(image)
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("16Mi")))
        .endResources()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private ConfigMap configMap(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(kube.namespace())
        .endMetadata()
        .withData(Map.of("key", name))
        .build();
  }
}
