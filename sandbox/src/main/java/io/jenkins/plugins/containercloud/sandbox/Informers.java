package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.SharedInformerFactory;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The shared informers (watch caches) that drive the simulated controllers. */
final class Informers implements AutoCloseable {

  private static final Duration RESYNC = Duration.ofSeconds(30);

  private final SharedInformerFactory factory;
  final SharedIndexInformer<Pod> pods;
  final SharedIndexInformer<Node> nodes;
  final SharedIndexInformer<ReplicationController> replicationControllers;
  final SharedIndexInformer<ReplicaSet> replicaSets;
  final SharedIndexInformer<Deployment> deployments;

  Informers(KubernetesClient client) {
    factory = client.informers();
    long resync = RESYNC.toMillis();
    pods = factory.sharedIndexInformerFor(Pod.class, resync);
    nodes = factory.sharedIndexInformerFor(Node.class, resync);
    replicationControllers = factory.sharedIndexInformerFor(ReplicationController.class, resync);
    replicaSets = factory.sharedIndexInformerFor(ReplicaSet.class, resync);
    deployments = factory.sharedIndexInformerFor(Deployment.class, resync);
  }

  /** Starts every informer and waits until each has listed its kind. */
  void start() {
    try {
      factory.startAllRegisteredInformers().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the sandbox's informers did not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the sandbox's informers", e);
    }
  }

  @Override
  public void close() {
    factory.stopAllRegisteredInformers();
  }
}
