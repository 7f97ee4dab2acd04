package io.jenkins.plugins.containercloud.webhook;

import io.jenkins.plugins.containercloud.history.HistoryException;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for the intake: deliveries arriving together are stored by one writer thread in one
 * transaction, and each request waits until its delivery is committed before it is answered. Each
 * commit is a write to the embedded file (or a round trip and a commit on a server), so storing a
 * burst one delivery at a time would pay that once for every delivery.
 */
final class DeliveryBatcher implements AutoCloseable {

  /** How long a request waits for its commit before it is answered 503 (the sender retries). */
  static final Duration WAIT = Duration.ofSeconds(20);

  private static final int MAX_BATCH = 200;

  private final WebhookHistory history;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
  private final Thread writer = new Thread(this::write, "container-cloud-webhook-writer");
  private volatile boolean running = true;

  DeliveryBatcher(WebhookHistory history) {
    this.history = history;
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Stores the delivery (with the others waiting now) and returns what {@link
   * WebhookHistory#insert} returns.
   *
   * @throws HistoryException when it could not be stored in time
   */
  Optional<String> store(WebhookHistory.Insert insert) {
    Pending pending = new Pending(insert, new CompletableFuture<>());
    try {
      if (!running || !queue.offer(pending, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new HistoryException("the webhook writer is busy or stopped", null, true);
      }
      return pending.result().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HistoryException("interrupted while storing a delivery", e, true);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new HistoryException("storing a delivery failed", e.getCause(), true);
    } catch (TimeoutException e) {
      throw new HistoryException(
          "storing a delivery took over " + WAIT.toSeconds() + " s", e, true);
    }
  }

  private void write() {
    List<Pending> batch = new ArrayList<>();
    while (running) {
      try {
        Pending first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        List<Optional<String>> results =
            history.insertAll(batch.stream().map(Pending::insert).toList());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).result().complete(results.get(i));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        batch.forEach(p -> p.result().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  @Override
  public void close() {
    running = false;
    writer.interrupt();
    queue.forEach(
        p -> p.result().completeExceptionally(new HistoryException("stopping", null, true)));
  }

  /** A delivery waiting to be stored, and its requester's future. */
  private record Pending(
      WebhookHistory.Insert insert, CompletableFuture<Optional<String>> result) {}
}
