package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;

/**
 * Deletes the pods bound to a node that no longer exists, as the pod garbage collector does when a
 * VM disappears; their controllers then create replacements.
 */
final class PodGarbageCollector extends Controller {

  private Informers informers;

  PodGarbageCollector(KubernetesClient client) {
    super("pod-gc", client);
  }

  @Override
  void register(Informers informers) {
    this.informers = informers;
    informers.nodes.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(io.fabric8.kubernetes.api.model.Node node) {}

          @Override
          public void onUpdate(
              io.fabric8.kubernetes.api.model.Node oldNode,
              io.fabric8.kubernetes.api.model.Node newNode) {}

          @Override
          public void onDelete(io.fabric8.kubernetes.api.model.Node node, boolean unknown) {
            queue.add(node.getMetadata().getName());
          }
        });
    informers.pods.addEventHandler(
        EventHandlers.each(
            pod -> {
              String node = Pods.nodeName(pod);
              if (node != null && this.informers.nodes.getStore().getByKey(node) == null) {
                queue.add(node);
              }
            }));
  }

  @Override
  void sync(String nodeName) {
    if (client.nodes().withName(nodeName).get() != null) {
      return;
    }
    for (Pod pod : client.pods().inAnyNamespace().list().getItems()) {
      if (nodeName.equals(Pods.nodeName(pod))) {
        client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .withGracePeriod(0)
            .delete();
      }
    }
  }
}
