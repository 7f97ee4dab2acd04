package io.jenkins.plugins.containercloud.plugin.pools;

import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.plugin.ClusterConnector;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.HistoryLease;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeProvider;
import io.jenkins.plugins.containercloud.scale.NodeProviders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The autoscalers of one global configuration: its pools as the engine's {@link NodePool}s (their
 * secrets in private files), one connection per cluster that has pools (its informers drive the
 * autoscaler), and the shared history as the decision log.
 */
public final class PoolsRuntime implements AutoscalerHost.Generation {

  private final Scaling scaling;
  private final Map<String, Cluster> connections;
  private final SecretFiles secrets;
  private final HistoryLease history;

  private PoolsRuntime(
      Scaling scaling,
      Map<String, Cluster> connections,
      SecretFiles secrets,
      HistoryLease history) {
    this.scaling = scaling;
    this.connections = connections;
    this.secrets = secrets;
    this.history = history;
  }

  /**
   * Everything of {@code configuration} the autoscalers are made from, as comparable text (ids, not
   * secrets); null when it has no pool.
   */
  public static String key(ContainerCloudConfiguration configuration) {
    List<NodePoolSettings> pools = configuration.getNodePools();
    if (pools.isEmpty()) {
      return null;
    }
    StringBuilder key = new StringBuilder();
    pools.forEach(p -> key.append(p.key()).append('\u0001'));
    for (ClusterSettings c : configuration.getClusters()) {
      if (pools.stream().anyMatch(p -> c.getName().equals(p.getCluster()))) {
        key.append(c.getName())
            .append('\u0000')
            .append(c.getCredentialsId())
            .append('\u0000')
            .append(c.getServerUrl())
            .append('\u0000')
            .append(c.getCaCertificate())
            .append('\u0001');
      }
    }
    return key.append(configuration.historyKey()).toString();
  }

  /** The autoscalers of {@code configuration}, with the IaaS providers the engine knows. */
  public static PoolsRuntime open(
      ContainerCloudConfiguration configuration, CredentialResolver credentials) {
    return open(
        configuration,
        credentials,
        (pool, owner) -> NodeProviders.of(pool.provider(), owner),
        Autoscaler.Timing.DEFAULT);
  }

  /**
   * The autoscalers of {@code configuration}, not started yet.
   *
   * @throws IllegalArgumentException naming the pool and field when one cannot be used
   */
  public static PoolsRuntime open(
      ContainerCloudConfiguration configuration,
      CredentialResolver credentials,
      BiFunction<NodePool, String, NodeProvider> providers,
      Autoscaler.Timing timing) {
    SecretFiles secrets = new SecretFiles();
    List<NodePool> pools = new ArrayList<>();
    try {
      for (NodePoolSettings settings : configuration.getNodePools()) {
        configuration.requireCluster(
            "node pool " + settings.getName() + ": cluster", String.valueOf(settings.getCluster()));
        pools.add(settings.toNodePool(credentials, secrets));
      }
    } catch (RuntimeException e) {
      secrets.close();
      throw e;
    }
    HistoryLease history = configuration.openHistory(credentials);
    Map<String, Cluster> connections = new ConcurrentHashMap<>();
    Scaling scaling =
        new Scaling(
            pools,
            name ->
                connections.computeIfAbsent(
                    name,
                    n ->
                        ClusterConnector.connect(
                            configuration.requireCluster("cluster", n), credentials)),
            providers,
            history.deployments().scalingLog(),
            Clock.systemUTC(),
            timing);
    return new PoolsRuntime(scaling, connections, secrets, history);
  }

  @Override
  public Scaling scaling() {
    return scaling;
  }

  /** The connection of {@code cluster} the autoscaler uses, if it is connected. */
  public Cluster connection(String cluster) {
    return connections.get(cluster);
  }

  @Override
  public void close() {
    try {
      scaling.close();
    } finally {
      connections.values().forEach(Cluster::close);
      connections.clear();
      secrets.close();
      history.close();
    }
  }
}
