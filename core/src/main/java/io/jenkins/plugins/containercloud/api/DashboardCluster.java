package io.jenkins.plugins.containercloud.api;

import io.jenkins.plugins.containercloud.api.DashboardJson.ClusterEntry;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.cluster.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured cluster as the dashboard holds it: connected in the background (a cluster that is
 * down never blocks a page), reconnected after a failure, its views computed from the whole
 * cluster's informer caches.
 */
public final class DashboardCluster implements AutoCloseable {

  /** How long after a failed connection the next attempt waits. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(15);

  private static final Logger LOG = LoggerFactory.getLogger(DashboardCluster.class);

  private final ClusterConfig config;
  private final String server;
  private final boolean sandbox;
  private final Clock clock;
  private Cluster cluster;
  private ClusterViews views;
  private String error;
  private Instant failedAt;
  private boolean attempted;

  /**
   * @param server the API server's address as users know it (shown, never with credentials)
   * @param sandbox whether this is the simulated in-process cluster (the UI says so)
   */
  public DashboardCluster(ClusterConfig config, String server, boolean sandbox, Clock clock) {
    this.config = config;
    this.server = server;
    this.sandbox = sandbox;
    this.clock = clock;
  }

  public String name() {
    return config.name();
  }

  /**
   * Connects and fills the caches unless connected, or unless the last failure is recent; {@code
   * onChange} then hears every change of the cluster. Safe to call repeatedly.
   */
  public void connect(Consumer<String> onChange) {
    synchronized (this) {
      if (cluster != null
          || (failedAt != null && clock.instant().isBefore(failedAt.plus(RETRY_AFTER)))) {
        return;
      }
    }
    Cluster connected = null;
    try {
      connected = Cluster.connect(config);
      ClusterState state = connected.wholeCluster();
      state.addListener(onChange);
      synchronized (this) {
        cluster = connected;
        views = new ClusterViews(config.name(), state, clock);
        error = null;
        failedAt = null;
        attempted = true;
      }
      LOG.info("cluster {}: connected, {} nodes", config.name(), state.nodes().size());
    } catch (RuntimeException e) {
      if (connected != null) {
        connected.close();
      }
      synchronized (this) {
        error = e.getMessage();
        failedAt = clock.instant();
        attempted = true;
      }
      LOG.warn("cluster {}: {}", config.name(), e.getMessage());
      LOG.debug("cluster {}: connection failed", config.name(), e);
    }
  }

  /** The cluster's informer lag (zero until connected). */
  public synchronized Duration informerLag() {
    return views == null ? Duration.ZERO : views.state().informerLag();
  }

  /** Whether a connection has been tried (successfully or not): what readiness waits for. */
  public synchronized boolean attempted() {
    return attempted;
  }

  /**
   * The connection, for rollouts.
   *
   * @throws ApiException 503 while the cluster cannot be reached
   */
  public synchronized Cluster cluster() {
    if (cluster == null) {
      throw unavailable();
    }
    return cluster;
  }

  /**
   * The views of the cluster.
   *
   * @throws ApiException 503 while the cluster cannot be reached
   */
  public synchronized ClusterViews views() {
    if (views == null) {
      throw unavailable();
    }
    return views;
  }

  /** The cluster's entry on the Overview: its summary, or why there is none. */
  public ClusterEntry entry() {
    ClusterViews current;
    String version;
    String problem;
    synchronized (this) {
      current = views;
      version = cluster == null ? null : cluster.serverVersion();
      problem = error;
    }
    if (current == null) {
      return new ClusterEntry(
          name(),
          server,
          null,
          sandbox,
          problem == null ? "connecting" : "unreachable",
          problem,
          null);
    }
    return new ClusterEntry(name(), server, version, sandbox, "connected", null, current.summary());
  }

  private ApiException unavailable() {
    return new ApiException(
        503,
        error == null
            ? "cluster " + name() + " is still connecting; try again in a moment"
            : "cluster " + name() + " cannot be reached: " + error,
        null);
  }

  @Override
  public synchronized void close() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
      views = null;
    }
  }
}
