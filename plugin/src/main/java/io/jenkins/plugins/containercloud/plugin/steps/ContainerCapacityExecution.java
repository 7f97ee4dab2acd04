package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterState;
import io.jenkins.plugins.containercloud.plugin.ClusterConnector;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import io.jenkins.plugins.containercloud.plugin.pools.NodePoolSettings;
import io.jenkins.plugins.containercloud.scale.CapacityCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code containerCapacity}: watches the cluster's nodes and pods through its informers and
 * returns once the pool's (or the cluster's) Ready nodes have the CPU and memory free.
 */
final class ContainerCapacityExecution extends ContainerCloudExecution<Map<String, Object>> {

  private static final long serialVersionUID = 1L;

  private final transient ContainerCapacityStep step;

  ContainerCapacityExecution(
      ContainerCapacityStep step, StepContext context, StepHost.Factory hosts) {
    super(context, hosts);
    this.step = step;
  }

  @Override
  Map<String, Object> run(StepHost host, SecretMasker masker) throws Exception {
    long cpu = PoolArguments.cpu(step.getCpu());
    long memory = PoolArguments.memory(step.getMemory());
    if (cpu == 0 && memory == 0) {
      throw new IllegalArgumentException(
          "cpu, memory: give at least one, e.g. containerCapacity(pool: 'workers', cpu: '8',"
              + " memory: '16Gi')");
    }
    Duration timeout = PoolArguments.timeout(step.getTimeout());
    ContainerCloudConfiguration configuration = host.configuration();
    String pool = step.getPool();
    String clusterName = clusterOf(configuration, pool, step.getCluster());
    ClusterSettings settings = configuration.requireCluster("cluster", clusterName);
    String where = pool != null ? "pool " + pool : "cluster " + clusterName;
    try (Cluster cluster =
        ClusterConnector.connect(settings, masker.recording(host.systemCredentials()))) {
      ClusterState state = cluster.wholeCluster();
      Instant start = Instant.now();
      Instant deadline = start.plus(timeout);
      CapacityCheck.Free free = CapacityCheck.free(state.nodes(), state.pods(), pool);
      String shortfall = free.shortfall(cpu, memory);
      if (shortfall != null) {
        host.listener()
            .getLogger()
            .println("containerCapacity: waiting for room on " + where + ": " + shortfall);
      }
      while (shortfall != null) {
        if (Instant.now().isAfter(deadline)) {
          throw new StepFailedException(
              "containerCapacity: "
                  + where
                  + " has not the room asked for after "
                  + PoolArguments.text(timeout)
                  + ": "
                  + shortfall);
        }
        Thread.sleep(ContainerScaleExecution.POLL.toMillis());
        free = CapacityCheck.free(state.nodes(), state.pods(), pool);
        shortfall = free.shortfall(cpu, memory);
      }
      host.listener()
          .getLogger()
          .println(
              "containerCapacity: "
                  + where
                  + " has "
                  + free.cpuMillis()
                  + "m CPU and "
                  + free.memoryBytes() / (1024 * 1024)
                  + " Mi memory free on "
                  + free.nodes()
                  + " nodes");
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("cluster", clusterName);
      result.put("pool", pool);
      result.put("nodes", free.nodes());
      result.put("freeCpuMillis", free.cpuMillis());
      result.put("freeMemoryBytes", free.memoryBytes());
      result.put("seconds", Duration.between(start, Instant.now()).toSeconds());
      return result;
    }
  }

  /** The cluster to look at: the pool's, else the one named, else the only one configured. */
  static String clusterOf(ContainerCloudConfiguration configuration, String pool, String cluster) {
    if (pool != null) {
      NodePoolSettings settings =
          configuration.getNodePools().stream()
              .filter(p -> pool.equals(p.getName()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "pool: no node pool named '"
                              + pool
                              + "' is configured; add it in Manage Jenkins » System » Container"
                              + " Cloud, or name a cluster instead"));
      if (cluster != null && !cluster.equals(settings.getCluster())) {
        throw new IllegalArgumentException(
            "cluster: pool "
                + pool
                + " belongs to cluster "
                + settings.getCluster()
                + ", not "
                + cluster);
      }
      return settings.getCluster();
    }
    if (cluster != null) {
      return cluster;
    }
    if (configuration.getClusters().size() == 1) {
      return configuration.getClusters().get(0).getName();
    }
    throw new IllegalArgumentException(
        "pool: name a node pool (or cluster: a cluster) to look at, e.g. pool: 'workers'");
  }
}
