package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/** Informer event handlers that hand every object seen (old and new on updates) to one consumer. */
final class EventHandlers {

  private EventHandlers() {}

  static <T> ResourceEventHandler<T> each(Consumer<T> consumer) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        consumer.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        consumer.accept(oldObj);
        consumer.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        consumer.accept(obj);
      }
    };
  }
}
