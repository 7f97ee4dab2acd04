package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection to one cluster: a fabric8 client validated on creation, and informer-backed state
 * per namespace shared by everyone who reads the cluster through this connection.
 */
public final class Cluster implements AutoCloseable {

  private final ClusterConfig config;
  private final KubernetesClient client;
  private final RequestCounter requests;
  private final String defaultNamespace;
  private final String serverVersion;
  private final Map<String, NamespaceState> namespaces = new ConcurrentHashMap<>();
  private SharedIndexInformer<Node> nodes;
  private ClusterState whole;

  private Cluster(
      ClusterConfig config,
      KubernetesClient client,
      RequestCounter requests,
      String defaultNamespace,
      String serverVersion) {
    this.config = config;
    this.client = client;
    this.requests = requests;
    this.defaultNamespace = defaultNamespace;
    this.serverVersion = serverVersion;
  }

  /**
   * Connects and validates: the API server answers, its certificate is trusted, the credentials are
   * accepted and the default namespace exists.
   *
   * @throws ClusterException saying which of these failed
   */
  public static Cluster connect(ClusterConfig config) {
    Config fabric8 = fabric8Config(config);
    RequestCounter requests = new RequestCounter();
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(fabric8)
            .withHttpClientBuilderConsumer(
                builder -> builder.addOrReplaceInterceptor("request-counter", requests))
            .build();
    String namespace =
        config
            .namespace()
            .orElse(fabric8.getNamespace() == null ? "default" : fabric8.getNamespace());
    try {
      ConnectionCheck check = new ConnectionCheck(client, config, fabric8.getMasterUrl());
      String version = check.serverVersion();
      check.namespaceExists(namespace);
      return new Cluster(config, client, requests, namespace, version);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  private static Config fabric8Config(ClusterConfig config) {
    Config base =
        switch (config.source()) {
          case KUBECONFIG -> fromKubeconfig(config);
          case TOKEN -> {
            ConfigBuilder builder =
                new ConfigBuilder(Config.empty())
                    .withMasterUrl(config.server().toString())
                    .withOauthToken(config.token());
            if (config.caCertificatePem() != null) {
              builder.withCaCertData(
                  Base64.getEncoder()
                      .encodeToString(config.caCertificatePem().getBytes(StandardCharsets.UTF_8)));
            }
            yield builder.build();
          }
          case IN_CLUSTER -> {
            if (System.getenv("KUBERNETES_SERVICE_HOST") == null) {
              throw new ClusterException(
                  config
                      + ": not running in a pod (KUBERNETES_SERVICE_HOST is not set); configure a"
                      + " kubeconfig or an API server URL and token instead");
            }
            yield Config.autoConfigure(null);
          }
        };
    // Rollouts wait through informers; requests themselves should fail fast, not hang.
    base.setRequestTimeout(30_000);
    base.setConnectionTimeout(10_000);
    // A few quick retries for a blip; an untrusted certificate or a refused connection should be
    // reported in about a second, not after fabric8's default ten doublings.
    base.setRequestRetryBackoffLimit(3);
    base.setRequestRetryBackoffInterval(100);
    return base;
  }

  private static Config fromKubeconfig(ClusterConfig config) {
    String contents;
    try {
      contents = Files.readString(config.kubeconfigFile());
    } catch (IOException e) {
      throw new ClusterException(
          config + ": cannot read the kubeconfig file (" + e.getMessage() + ")", e);
    }
    try {
      return Config.fromKubeconfig(
          config.context(), contents, config.kubeconfigFile().toAbsolutePath().toString());
    } catch (RuntimeException e) {
      throw new ClusterException(
          config
              + ": the kubeconfig is not usable"
              + (config.context() == null ? "" : " with context " + config.context())
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  public String name() {
    return config.name();
  }

  public ClusterConfig config() {
    return config;
  }

  /** The namespace used when a request names none. */
  public String defaultNamespace() {
    return defaultNamespace;
  }

  /** The API server's version, as it reported it when we connected. */
  public String serverVersion() {
    return serverVersion;
  }

  /** The fabric8 client of this connection, for writes. Reads should use {@link #state}. */
  public KubernetesClient client() {
    return client;
  }

  /** The informer caches of {@code namespace}, started and synced on first use. */
  public NamespaceState state(String namespace) {
    return namespaces.computeIfAbsent(
        namespace,
        ns -> {
          NamespaceState state = new NamespaceState(client, ns);
          state.start();
          return state;
        });
  }

  /** The cluster's nodes, from a cluster-wide informer started on first use. */
  public synchronized List<Node> nodes() {
    if (nodes == null) {
      nodes = client.nodes().inform();
    }
    return nodes.getIndexer().list();
  }

  /**
   * The whole cluster's informer caches (every namespace), for the dashboard: started and synced on
   * first use, then shared.
   *
   * @throws ClusterException when the caches cannot be filled (no list/watch permission, …)
   */
  public synchronized ClusterState wholeCluster() {
    if (whole == null) {
      ClusterState state = new ClusterState(client);
      state.start();
      whole = state;
    }
    return whole;
  }

  /** How many HTTP requests this connection has sent, informers included. */
  public long requestCount() {
    return requests.count();
  }

  /**
   * How many of those were LISTs (a GET of a collection, not a watch): informers send one each when
   * they start or fall behind, and a dashboard page view should send none.
   */
  public long listCount() {
    return requests.lists();
  }

  @Override
  public synchronized void close() {
    namespaces.values().forEach(NamespaceState::close);
    namespaces.clear();
    if (nodes != null) {
      nodes.stop();
    }
    if (whole != null) {
      whole.close();
    }
    client.close();
  }

  @Override
  public String toString() {
    return config.toString();
  }
}
