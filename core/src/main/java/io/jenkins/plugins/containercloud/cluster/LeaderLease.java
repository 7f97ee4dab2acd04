package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election among the replicas of a host on one Kubernetes {@code Lease}
 * (coordination.k8s.io/v1): at most one holder at a time, which renews the lease; when it stops
 * renewing (killed, partitioned) another replica takes the lease once it has expired. The election
 * itself is fabric8's {@code LeaderElector} (client-go's algorithm: optimistic updates on the
 * lease's resourceVersion, lease duration, renew deadline, retry period); this class keeps a
 * replica in the election for its whole life — fabric8's elector ends when it loses the lease — and
 * tells a {@link Listener}, on one thread and in order, when this replica starts and stops leading.
 */
public final class LeaderLease implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderLease.class);

  /**
   * Where the lease lives and its timings. A replica that stops renewing loses the lease after
   * {@code leaseDuration}; the holder gives up leading when it could not renew for {@code
   * renewDeadline} (shorter, so that it stops before anyone else may start); everyone retries every
   * {@code retryPeriod}.
   */
  public record Settings(
      String namespace,
      String name,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {

    /** client-go's defaults: 15 s lease, 10 s renew deadline, 2 s retry period. */
    public static final Duration LEASE_DURATION = Duration.ofSeconds(15);

    public static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
    public static final Duration RETRY_PERIOD = Duration.ofSeconds(2);

    public Settings {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(identity, "identity");
      if (identity.isBlank()) {
        throw new IllegalArgumentException("identity: give each replica a non-empty identity");
      }
      // A holder notices the missed deadline at its next try, whose request may take a retry
      // period: it must have stopped before the lease expires for everyone else.
      if (leaseDuration.compareTo(renewDeadline.plus(retryPeriod.multipliedBy(2))) <= 0) {
        throw new IllegalArgumentException(
            "leaseDuration ("
                + leaseDuration
                + ") must be longer than renewDeadline ("
                + renewDeadline
                + ") plus twice retryPeriod ("
                + retryPeriod
                + "), so that a holder gives up before another replica may take over");
      }
      if (renewDeadline.compareTo(retryPeriod) <= 0) {
        throw new IllegalArgumentException(
            "renewDeadline ("
                + renewDeadline
                + ") must be longer than retryPeriod ("
                + retryPeriod
                + "), so that a holder retries a failed renewal before giving up");
      }
    }
  }

  /** What a replica does when it starts and stops leading; called on one thread, in order. */
  public interface Listener {
    void startedLeading();

    void stoppedLeading();
  }

  private final KubernetesClient client;
  private final Settings settings;
  private final Listener listener;
  private final ScheduledExecutorService events;
  private volatile boolean leading;
  private volatile String leader;
  private volatile boolean closed;
  private CompletableFuture<?> running;

  /**
   * @param client a connection to the cluster that holds the lease; the lease uses a client of its
   *     own with the same settings but no request retries and requests bounded by the retry period,
   *     so that a holder cut off from the API server notices its missed renew deadline in time
   */
  public LeaderLease(KubernetesClient client, Settings settings, Listener listener) {
    int bound = (int) Math.max(1, settings.retryPeriod().toMillis());
    this.client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration())
                    .withRequestRetryBackoffLimit(0)
                    .withRequestTimeout(bound)
                    .withConnectionTimeout(bound)
                    .build())
            .build();
    this.settings = settings;
    this.listener = listener;
    this.events =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "leader-lease-" + settings.name());
              t.setDaemon(true);
              return t;
            });
  }

  /** Enters the election; returns at once. */
  public synchronized void start() {
    if (closed || running != null) {
      return;
    }
    compete();
  }

  /** One fabric8 elector: acquires, renews until it cannot, then ends; called holding this. */
  private void compete() {
    var config =
        new LeaderElectionConfigBuilder()
            .withName(settings.name())
            .withLock(new LeaseLock(settings.namespace(), settings.name(), settings.identity()))
            .withLeaseDuration(settings.leaseDuration())
            .withRenewDeadline(settings.renewDeadline())
            .withRetryPeriod(settings.retryPeriod())
            .withReleaseOnCancel(true)
            .withLeaderCallbacks(new LeaderCallbacks(this::acquired, this::lost, id -> leader = id))
            .build();
    running = client.leaderElector().withConfig(config).build().start();
    running.whenComplete((ignored, error) -> ended(error));
  }

  /** fabric8's elector ended: it lost the lease, or could not reach the API; compete again. */
  private void ended(Throwable error) {
    lost();
    synchronized (this) {
      if (closed) {
        return;
      }
      if (error != null && !(error instanceof java.util.concurrent.CancellationException)) {
        LOG.warn(
            "leader election on lease {}/{}: {}",
            settings.namespace(),
            settings.name(),
            error.getMessage());
      }
      try {
        events.schedule(
            () -> {
              synchronized (this) {
                if (!closed) {
                  compete();
                }
              }
            },
            settings.retryPeriod().toMillis(),
            TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // closed meanwhile
      }
    }
  }

  /** Runs on the events thread; after close, only what close itself posted before shutting it. */
  private void post(Runnable work) {
    try {
      events.execute(work);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // Closed: close() has already told the listener.
    }
  }

  private void acquired() {
    post(
        () -> {
          if (!leading && !closed) {
            leading = true;
            leader = settings.identity();
            LOG.info(
                "{} leads (lease {}/{})",
                settings.identity(),
                settings.namespace(),
                settings.name());
            listener.startedLeading();
          }
        });
  }

  private void lost() {
    post(
        () -> {
          if (leading) {
            leading = false;
            LOG.info(
                "{} no longer leads (lease {}/{})",
                settings.identity(),
                settings.namespace(),
                settings.name());
            listener.stoppedLeading();
          }
        });
  }

  /** Whether this replica leads now. */
  public boolean leading() {
    return leading;
  }

  /** The identity of the replica that leads, as last seen; null before the first look. */
  public String leader() {
    return leader;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Leaves the election: stops leading (the listener is told first), then gives the lease back so
   * that another replica takes over at once rather than after the lease expires.
   */
  @Override
  public void close() {
    CompletableFuture<?> current;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      current = running;
    }
    // Stop the work before the lease goes: never two leaders acting at once.
    lost();
    events.shutdown();
    try {
      events.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (current != null) {
      current.cancel(true); // releaseOnCancel: fabric8 gives the lease back
    }
    client.close();
  }
}
