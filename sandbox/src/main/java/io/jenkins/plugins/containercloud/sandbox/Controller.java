package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/** A simulated controller: informer events put keys on its queue; {@link #sync} reconciles one. */
abstract class Controller implements AutoCloseable {

  protected final KubernetesClient client;
  protected final WorkQueue queue;

  Controller(String name, KubernetesClient client) {
    this.client = client;
    this.queue = new WorkQueue(name, this::sync);
  }

  /** Subscribes to the informers; called before they start. */
  abstract void register(Informers informers);

  /** Brings the object named by {@code key} to its desired state; throws to be retried. */
  abstract void sync(String key);

  static String key(HasMetadata object) {
    return key(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  static String key(String namespace, String name) {
    return namespace == null ? name : namespace + "/" + name;
  }

  static String namespaceOf(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? null : key.substring(0, slash);
  }

  static String nameOf(String key) {
    return key.substring(key.indexOf('/') + 1);
  }

  @Override
  public void close() {
    queue.close();
  }
}
