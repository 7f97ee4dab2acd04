package io.jenkins.plugins.containercloud.cluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes waiters whenever an informer delivers an event, so that waits are driven by the watch
 * stream rather than by polling the API server.
 */
final class ChangeSignal {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long generation;

  void signal() {
    lock.lock();
    try {
      generation++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  long generation() {
    lock.lock();
    try {
      return generation;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until the generation moves past {@code seen} or {@code timeout} passes.
   *
   * @return whether something changed
   */
  boolean awaitChangeAfter(long seen, Duration timeout) throws InterruptedException {
    long nanos = Math.max(0, timeout.toNanos());
    lock.lock();
    try {
      while (generation == seen) {
        if (nanos <= 0) {
          return false;
        }
        nanos = changed.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  static long millis(Duration d) {
    return TimeUnit.NANOSECONDS.toMillis(d.toNanos());
  }
}
