package io.jenkins.plugins.containercloud.standalone.server;

import io.jenkins.plugins.containercloud.api.DashboardCluster;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.LeaderLease;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Enters this replica into the leader election once the cluster that holds the lease is connected
 * (a cluster that is down never blocks the server's start), and says which replica leads.
 */
final class ServerElection implements AutoCloseable {

  private final DashboardCluster cluster;
  private final LeaderLease.Settings settings;
  private final LeaderLease.Listener listener;
  private final ScheduledExecutorService starter =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "leader-election-starter");
            t.setDaemon(true);
            return t;
          });
  private LeaderLease lease;
  private boolean closed;

  ServerElection(
      DashboardCluster cluster, LeaderLease.Settings settings, LeaderLease.Listener listener) {
    this.cluster = cluster;
    this.settings = settings;
    this.listener = listener;
  }

  void start() {
    starter.scheduleWithFixedDelay(this::startConnected, 0, 1, TimeUnit.SECONDS);
  }

  private synchronized void startConnected() {
    if (closed || lease != null) {
      return;
    }
    Cluster connected;
    try {
      connected = cluster.cluster();
    } catch (RuntimeException notYet) {
      return;
    }
    lease = new LeaderLease(connected.client(), settings, listener);
    lease.start();
    starter.shutdown();
  }

  /** Who leads, for the API and the dashboard. */
  synchronized Scaling.Leadership leadership() {
    return new Scaling.Leadership(
        true,
        settings.identity(),
        lease == null ? null : lease.leader(),
        lease != null && lease.leading());
  }

  @Override
  public void close() {
    LeaderLease current;
    synchronized (this) {
      closed = true;
      current = lease;
    }
    starter.shutdownNow();
    if (current != null) {
      current.close();
    }
  }
}
