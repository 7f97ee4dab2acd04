package io.jenkins.plugins.containercloud.scale;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last minutes of one cluster's node and pending-pod counts, sampled at a steady pace, for the
 * Scaling page's chart. Bounded: the oldest sample goes when a new one comes.
 */
public final class ScalingTimeline {

  /** Counts over all of a cluster's pools at one moment. */
  public record Sample(String at, int ready, int upcoming, int draining, int pending) {}

  private final int capacity;
  private final ArrayDeque<Sample> samples;

  public ScalingTimeline(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.samples = new ArrayDeque<>(capacity);
  }

  /** Adds what {@code status} shows at {@code at}; drops the oldest sample when full. */
  public synchronized void add(Instant at, ScalingStatus status) {
    int ready = 0;
    int upcoming = 0;
    int draining = 0;
    for (ScalingStatus.PoolView pool : status.pools()) {
      ready += pool.ready();
      upcoming += pool.upcoming();
      draining += pool.draining();
    }
    if (samples.size() == capacity) {
      samples.removeFirst();
    }
    samples.addLast(new Sample(at.toString(), ready, upcoming, draining, status.pending().size()));
  }

  /** The samples, oldest first. */
  public synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }
}
