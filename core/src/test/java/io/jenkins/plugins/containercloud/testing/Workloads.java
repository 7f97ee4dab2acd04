package io.jenkins.plugins.containercloud.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;

/** Creates the workloads engine tests roll out, and waits until they are fully Ready. */
public final class Workloads {

  /** The image repository tests deploy; kwok and the sandbox never pull it. */
  public static final String IMAGE = "127.0.0.1:5000/testbed/web";

  private final KubernetesClient client;
  private final String namespace;

  public Workloads(TargetCluster cluster) {
    this.client = cluster.client();
    this.namespace = cluster.namespace();
  }

  /** An RC {@code name} with label {@code app=name}, one container {@code web}, all pods Ready. */
  public ReplicationController replicationController(String name, int replicas, String tag) {
    client
        .replicationControllers()
        .inNamespace(namespace)
        .resource(
            new ReplicationControllerBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(Map.of("app", name))
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
                .withName("web")
                .withImage(IMAGE + ":" + tag)
                .withNewResources()
                .withRequests(Map.of("cpu", new io.fabric8.kubernetes.api.model.Quantity("10m")))
                .endResources()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    service(name);
    await()
        .atMost(Duration.ofMinutes(2))
        .ignoreExceptions()
        .until(
            () -> {
              ReplicationController rc =
                  client.replicationControllers().inNamespace(namespace).withName(name).get();
              // The API leaves zero counts out of the status.
              int ready =
                  rc.getStatus().getReadyReplicas() == null ? 0 : rc.getStatus().getReadyReplicas();
              return rc.getStatus().getObservedGeneration() != null
                  && rc.getStatus().getObservedGeneration() >= rc.getMetadata().getGeneration()
                  && ready == replicas;
            });
    return client.replicationControllers().inNamespace(namespace).withName(name).get();
  }

  /** A Deployment {@code name}, one container {@code web}, complete and available. */
  public Deployment deployment(String name, int replicas, String tag, int progressDeadlineSeconds) {
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
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
                .withName("web")
                .withImage(IMAGE + ":" + tag)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    service(name);
    await()
        .atMost(Duration.ofMinutes(2))
        .ignoreExceptions()
        .until(
            () -> {
              Deployment d =
                  client.apps().deployments().inNamespace(namespace).withName(name).get();
              return d.getStatus().getAvailableReplicas() != null
                  && d.getStatus().getAvailableReplicas() == replicas
                  && d.getStatus().getUpdatedReplicas() == replicas;
            });
    return client.apps().deployments().inNamespace(namespace).withName(name).get();
  }

  /** The image of the first container of Deployment {@code name}, as the cluster has it now. */
  public String deploymentImage(String name) {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }

  /** A Service selecting {@code app=name}, as users put in front of their pods. */
  public void service(String name) {
    client
        .services()
        .inNamespace(namespace)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", name))
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
  }
}
