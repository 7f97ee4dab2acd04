package io.jenkins.plugins.containercloud.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way rollouts write history: calls return at once and never throw because of the database
 * (only for arguments that could never be written, at once); one background thread applies the
 * writes in order, retrying those that fail transiently (database down, connection refused, lock
 * timeout) with bounded exponential backoff, and keeps them queued, in order, until they land.
 * While they do not, a warning names every waiting deployment outcome; a write that can never
 * succeed (bad data) is dropped with an error that carries its content; so is a write that finds
 * the queue full. Nothing is lost silently.
 *
 * <p>Order matters (an event needs its deployment), so a failing write holds back those behind it.
 */
public final class RetryingHistoryWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingHistoryWriter.class);
  private static final int OUTCOMES_LISTED = 20;
  private static final int WRITES_PER_TURN = 100;

  /**
   * How many writes may wait, the backoff between attempts (doubling from {@code initialBackoff} up
   * to {@code maxBackoff}, then every {@code maxBackoff} for as long as it takes), how many failed
   * attempts make one warning, and how long {@link #close()} tries to drain the queue.
   */
  public record Settings(
      int capacity,
      Duration initialBackoff,
      Duration maxBackoff,
      int attemptsPerWarning,
      Duration closeTimeout) {

    /**
     * 10,000 writes; 100 ms doubling to 30 s; a warning every 5 failures; 45 s to close — longer
     * than the embedded history's 30 s wait for its turn on the file, so that a command line
     * exiting while others hold the file still records its rollout's outcome.
     */
    public static final Settings DEFAULT =
        new Settings(
            10_000, Duration.ofMillis(100), Duration.ofSeconds(30), 5, Duration.ofSeconds(45));

    public Settings {
      if (capacity < 1 || attemptsPerWarning < 1) {
        throw new IllegalArgumentException("capacity and attemptsPerWarning must be at least 1");
      }
      if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
      }
      Objects.requireNonNull(closeTimeout, "closeTimeout");
    }
  }

  private final HistoryStore store;
  private final Settings settings;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<Queued> queue = new ArrayDeque<>();
  private final Thread worker;
  private boolean closing;
  private boolean stopped;
  private long dropped;

  private RetryingHistoryWriter(HistoryStore store, Settings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.worker =
        Thread.ofPlatform().name("container-cloud-history-writer").daemon().unstarted(this::run);
  }

  /** A writer to {@code store} with {@link Settings#DEFAULT}, its thread started. */
  public static RetryingHistoryWriter start(HistoryStore store) {
    return start(store, Settings.DEFAULT);
  }

  /** A writer to {@code store}, its thread started. */
  public static RetryingHistoryWriter start(HistoryStore store, Settings settings) {
    RetryingHistoryWriter writer = new RetryingHistoryWriter(store, settings);
    writer.worker.start();
    return writer;
  }

  /** Queues {@link HistoryStore#started}. */
  public void started(DeploymentRecord record) {
    enqueue(new HistoryWrite.Started(Objects.requireNonNull(record, "record")));
  }

  /** Queues {@link HistoryStore#event}. */
  public void event(DeploymentEvent event) {
    enqueue(new HistoryWrite.Event(Objects.requireNonNull(event, "event")));
  }

  /** Queues {@link HistoryStore#finished}; the arguments are checked now. */
  public void finished(
      String id, Outcome outcome, Instant finishedAt, String reason, String imageAfter) {
    if (!Objects.requireNonNull(outcome, "outcome").isFinal()) {
      throw new IllegalArgumentException(
          "a deployment finishes with a final outcome, not " + outcome);
    }
    enqueue(
        new HistoryWrite.Finished(
            Fields.uuid("id", id),
            outcome,
            Objects.requireNonNull(finishedAt, "finishedAt"),
            reason,
            Fields.optional("imageAfter", imageAfter, Fields.IMAGE)));
  }

  /** Queues {@link HistoryStore#save}. */
  public void save(DeploymentRecord record, List<DeploymentEvent> events) {
    enqueue(new HistoryWrite.Saved(Objects.requireNonNull(record, "record"), List.copyOf(events)));
  }

  /** The writes waiting, oldest first. */
  public List<PendingHistoryWrite> pending() {
    lock.lock();
    try {
      return queue.stream().map(Queued::view).toList();
    } finally {
      lock.unlock();
    }
  }

  /** How many writes were given up: they could never succeed, the queue was full, or it closed. */
  public long droppedWrites() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every queued write has landed or been dropped; false when the time ran out. */
  public boolean flush(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (!queue.isEmpty()) {
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

  /**
   * Stops taking writes, tries for {@link Settings#closeTimeout()} to write what waits, then logs
   * each write still waiting as an error with its content. Does not close the store.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      closing = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    // An interrupt pending on the closing thread (an aborted rollout's) has done its work; it must
    // not cut short the wait for that rollout's last writes. It is restored afterwards.
    boolean interrupted = Thread.interrupted();
    try {
      worker.join(settings.closeTimeout());
      lock.lock();
      try {
        stopped = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      // At most one attempt is under way; the drivers' timeouts bound it.
      worker.join();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    List<Queued> left;
    lock.lock();
    try {
      left = new ArrayList<>(queue);
      queue.clear();
      dropped += left.size();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    for (Queued q : left) {
      LOG.error(
          "history writer closed before it could write {} (last failure: {})",
          q.write.describe(),
          q.lastFailure);
    }
  }

  private void enqueue(HistoryWrite write) {
    String refusal;
    lock.lock();
    try {
      if (closing) {
        refusal = "the history writer is closed";
      } else if (queue.size() >= settings.capacity()) {
        refusal = "the history write queue is full (" + queue.size() + " writes waiting)";
      } else {
        queue.addLast(new Queued(write));
        changed.signalAll();
        return;
      }
      dropped++;
    } finally {
      lock.unlock();
    }
    LOG.error("{}; not written: {}", refusal, write.describe());
  }

  private void run() {
    try {
      while (next() != null) {
        Duration wait = store.inOneTurn(this::drain);
        if (wait != null) {
          lock.lock();
          try {
            if (!stopped) {
              changed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
            }
          } finally {
            lock.unlock();
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Applies the queued writes in order, at most {@link #WRITES_PER_TURN} (so that other processes
   * sharing an embedded file get their turn); null when they are done with, else how long to wait
   * after the one that failed transiently.
   */
  private Duration drain() {
    for (int i = 0; i < WRITES_PER_TURN; i++) {
      Queued head;
      lock.lock();
      try {
        head = stopped ? null : queue.peekFirst();
      } finally {
        lock.unlock();
      }
      if (head == null) {
        return null;
      }
      Duration wait = attempt(head);
      if (wait != null) {
        return wait;
      }
      lock.lock();
      try {
        queue.removeFirst();
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
    return null;
  }

  /** The oldest write, once there is one; null when the writer stops. */
  private Queued next() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !closing) {
        changed.await();
      }
      return stopped || queue.isEmpty() ? null : queue.peekFirst();
    } finally {
      lock.unlock();
    }
  }

  /** Applies one write; null when it is done with (landed or dropped), else how long to wait. */
  private Duration attempt(Queued q) {
    try {
      q.write.applyTo(store);
      if (q.failedAttempts > 0) {
        LOG.info(
            "history written after {} failed attempts: {}", q.failedAttempts, q.write.describe());
      }
      return null;
    } catch (HistoryException e) {
      if (e.isTransient()) {
        return failedTransiently(q, e);
      }
      return droppedPermanently(q, e);
    } catch (RuntimeException e) {
      return droppedPermanently(q, e);
    }
  }

  private Duration failedTransiently(Queued q, HistoryException e) {
    q.failedAttempts++;
    q.lastFailure = e.getMessage();
    Duration wait = backoff(q.failedAttempts);
    if (q.failedAttempts % settings.attemptsPerWarning() == 0) {
      LOG.warn(
          "history database unavailable after {} attempts; writes kept queued: {}, next attempt in"
              + " {} ms. Oldest: {}. Outcomes waiting: {}. Last failure: {}",
          q.failedAttempts,
          pending().size(),
          wait.toMillis(),
          q.write.describe(),
          outcomesWaiting(),
          e.getMessage());
    } else {
      LOG.debug("history write failed (attempt {}): {}", q.failedAttempts, e.getMessage());
    }
    return wait;
  }

  private Duration droppedPermanently(Queued q, RuntimeException e) {
    lock.lock();
    try {
      dropped++;
    } finally {
      lock.unlock();
    }
    LOG.error(
        "history write cannot succeed, dropped: {}: {}", q.write.describe(), e.getMessage(), e);
    return null;
  }

  /** The deployment outcomes among the waiting writes, e.g. "3f2b… FAILED, 9c1d… SUCCEEDED". */
  private String outcomesWaiting() {
    lock.lock();
    try {
      List<String> outcomes = new ArrayList<>();
      for (Queued q : queue) {
        if (q.write instanceof HistoryWrite.Finished f) {
          outcomes.add(f.deploymentId() + " " + f.outcome());
        } else if (q.write instanceof HistoryWrite.Saved s && s.record().outcome().isFinal()) {
          outcomes.add(s.deploymentId() + " " + s.record().outcome());
        }
      }
      if (outcomes.isEmpty()) {
        return "none";
      }
      String listed = outcomes.stream().limit(OUTCOMES_LISTED).collect(Collectors.joining(", "));
      return outcomes.size() > OUTCOMES_LISTED
          ? listed + " and " + (outcomes.size() - OUTCOMES_LISTED) + " more"
          : listed;
    } finally {
      lock.unlock();
    }
  }

  /** Doubling from the initial backoff, capped; no jitter, since one writer per process retries. */
  Duration backoff(int failedAttempts) {
    long initial = settings.initialBackoff().toMillis();
    long doubled = initial << Math.min(failedAttempts - 1, 30);
    return Duration.ofMillis(
        Math.min(doubled < 0 ? Long.MAX_VALUE : doubled, settings.maxBackoff().toMillis()));
  }

  /** A queued write and its failures so far; changed only by the worker thread. */
  private static final class Queued {
    final HistoryWrite write;
    volatile int failedAttempts;
    volatile String lastFailure;

    Queued(HistoryWrite write) {
      this.write = write;
    }

    PendingHistoryWrite view() {
      return new PendingHistoryWrite(
          write.deploymentId(), write.describe(), failedAttempts, lastFailure);
    }
  }
}
