package io.jenkins.plugins.containercloud.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;

/**
 * Watches the pods a Service's selector picks and records the fewest Ready (and not terminating)
 * pods seen at any event, so that a test can check a rollout's availability invariant throughout.
 */
public final class ReadyPodSampler implements AutoCloseable {

  private final SharedIndexInformer<Pod> informer;
  private int minimum = Integer.MAX_VALUE;
  private int samples;

  public ReadyPodSampler(KubernetesClient client, String namespace, Map<String, String> selector) {
    informer = client.pods().inNamespace(namespace).withLabels(selector).inform();
    informer.addEventHandler(
        new ResourceEventHandler<Pod>() {
          @Override
          public void onAdd(Pod pod) {
            sample();
          }

          @Override
          public void onUpdate(Pod before, Pod after) {
            sample();
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            sample();
          }
        });
    sample();
  }

  private synchronized void sample() {
    int ready = 0;
    for (Pod pod : informer.getIndexer().list()) {
      if (pod.getMetadata().getDeletionTimestamp() == null && isReady(pod)) {
        ready++;
      }
    }
    minimum = Math.min(minimum, ready);
    samples++;
  }

  /** The fewest Ready pods seen since this sampler started. */
  public synchronized int minimumReady() {
    return minimum;
  }

  /** How many events were sampled. */
  public synchronized int samples() {
    return samples;
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Override
  public void close() {
    informer.stop();
  }
}
