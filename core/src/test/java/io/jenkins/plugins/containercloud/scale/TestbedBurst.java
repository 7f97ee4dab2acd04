package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * The burst of the autoscaler's end-to-end tests: a Deployment {@code burst-<run>} of 1500m / 1Gi
 * pods that only nodes labelled {@code tier=burst-<run>} (the test pool's) can take.
 */
record TestbedBurst(KubernetesClient client, String namespace, String run) {

  String name() {
    return "burst-" + run;
  }

  Deployment deployment(int replicas, Map<String, String> annotations) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name())
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name())
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name())
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .addToNodeSelector("tier", name())
        .addNewContainer()
        .withName("work")
        .withImage("registry.invalid/burst:1")
        .withNewResources()
        .addToRequests("cpu", new Quantity("1500m"))
        .addToRequests("memory", new Quantity("1Gi"))
        .endResources()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  List<Pod> pods() {
    return client.pods().inNamespace(namespace).withLabel("app", name()).list().getItems();
  }

  long running() {
    return pods().stream().filter(p -> "Running".equals(p.getStatus().getPhase())).count();
  }
}
