package io.jenkins.plugins.containercloud.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's work queue, like client-go's: keys are de-duplicated while waiting, handled one at
 * a time on one thread, retried with growing back-off when handling fails, and may be added after a
 * delay (for deadlines that no watch event announces).
 */
final class WorkQueue implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(50);
  private static final Duration LAST_RETRY = Duration.ofSeconds(5);

  private final String name;
  private final Consumer<String> handler;
  private final ScheduledExecutorService executor;
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  WorkQueue(String name, Consumer<String> handler) {
    this.name = name;
    this.handler = handler;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sandbox-" + name);
              t.setDaemon(true);
              return t;
            });
  }

  void add(String key) {
    if (!executor.isShutdown() && waiting.add(key)) {
      try {
        executor.execute(() -> handle(key));
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        waiting.remove(key);
      }
    }
  }

  void addAfter(String key, Duration delay) {
    if (executor.isShutdown()) {
      return;
    }
    try {
      executor.schedule(() -> add(key), Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // closing: nothing more to do
    }
  }

  private void handle(String key) {
    waiting.remove(key);
    try {
      handler.accept(key);
      failures.remove(key);
    } catch (RuntimeException e) {
      int attempt = failures.merge(key, 1, Integer::sum);
      long delay = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt, 10));
      if (executor.isShutdown()) {
        return;
      }
      LOG.debug("{}: {} failed (attempt {}), retrying in {} ms", name, key, attempt, delay, e);
      addAfter(key, Duration.ofMillis(delay));
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
