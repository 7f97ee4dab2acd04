package io.jenkins.plugins.containercloud.rollout;

import java.util.List;

/** Receives a rollout's events as they happen. Must not block for long. */
@FunctionalInterface
public interface RolloutListener {

  RolloutListener NONE = event -> {};

  void onEvent(RolloutEvent event);

  /** A listener that passes every event to each of {@code listeners}, in order. */
  static RolloutListener all(List<RolloutListener> listeners) {
    List<RolloutListener> copy = List.copyOf(listeners);
    return event -> copy.forEach(listener -> listener.onEvent(event));
  }
}
