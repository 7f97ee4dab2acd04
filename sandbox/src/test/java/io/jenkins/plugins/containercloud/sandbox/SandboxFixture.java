package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Helpers shared by the sandbox tests: namespaces, templates, pod queries. */
final class SandboxFixture {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private SandboxFixture() {}

  /** Waits up to ten seconds for a condition, treating exceptions on the way as not yet. */
  static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions();
  }

  static String newNamespace(KubernetesClient client) {
    String name = "test-" + NAMESPACES.incrementAndGet();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  static PodTemplateSpec template(Map<String, String> labels, String image) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage(image)
        .endContainer()
        .endSpec()
        .build();
  }

  static ReplicationController rc(
      String name, int replicas, Map<String, String> labels, String image) {
    return new ReplicationControllerBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withSelector(labels)
        .withTemplate(template(labels, image))
        .endSpec()
        .build();
  }

  static List<Pod> pods(KubernetesClient client, String namespace, Map<String, String> labels) {
    return client.pods().inNamespace(namespace).withLabels(labels).list().getItems().stream()
        .filter(Pods::isActive)
        .toList();
  }

  static long readyPods(KubernetesClient client, String namespace, Map<String, String> labels) {
    return pods(client, namespace, labels).stream().filter(Pods::isReady).count();
  }
}
