package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A simulated Kubernetes cluster in this JVM: fabric8's mock API server in CRUD mode, made to
 * behave like a real API server where Container Cloud depends on it, plus a scheduler, kubelets,
 * the ReplicationController, ReplicaSet and Deployment controllers, and the garbage collectors. See
 * docs/sandbox.md for what it simulates and where it differs from a real cluster.
 */
public final class Sandbox implements AutoCloseable {

  /** Held so that the level stays set: the mock web server logs every request at INFO. */
  private static final java.util.logging.Logger WEB_LOG = quiet(MockWebServer.class.getName());

  private static final List<String> NAMESPACES =
      List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final MockWebServer web;
  private final KubernetesMockServer server;
  private final String masterUrl;
  private final KubernetesClient controllerClient;
  private final KubernetesClient userClient;
  private final Informers informers;
  private final List<Controller> controllers = new ArrayList<>();
  private final ScheduledExecutorService housekeeping;
  private final SimulatedNodePool nodePool;

  private Sandbox(SandboxOptions options) {
    SandboxDispatcher dispatcher = new SandboxDispatcher();
    web = new MockWebServer();
    server = new KubernetesMockServer(new Context(), web, new HashMap<>(), dispatcher, false);
    server.start(InetAddress.getLoopbackAddress(), 0);
    masterUrl = "http://127.0.0.1:" + server.getPort();
    dispatcher.serverAddress("127.0.0.1:" + server.getPort());
    // The mock web server records every request for test assertions; nothing here reads them.
    housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sandbox-housekeeping");
              t.setDaemon(true);
              return t;
            });
    housekeeping.scheduleWithFixedDelay(web::reset, 10, 10, TimeUnit.SECONDS);
    controllerClient = newClient();
    userClient = newClient();
    housekeeping.scheduleWithFixedDelay(new EventExpiry(controllerClient), 1, 1, TimeUnit.MINUTES);
    nodePool = new SimulatedNodePool(controllerClient);
    informers = new Informers(controllerClient);
    controllers.add(new Scheduler(controllerClient));
    controllers.add(
        new Kubelet(controllerClient, options.readyDelay(), options.crashLoopRestartInterval()));
    controllers.add(new ReplicationManager(controllerClient));
    controllers.add(new ReplicaSetController(controllerClient));
    controllers.add(new DeploymentController(controllerClient));
    controllers.add(new GarbageCollector(controllerClient));
    controllers.add(new PodGarbageCollector(controllerClient));
    controllers.forEach(c -> c.register(informers));
    informers.start();
    for (String namespace : NAMESPACES) {
      controllerClient
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    for (int i = 1; i <= options.initialNodes(); i++) {
      nodePool.addNode(
          "sandbox-node-" + i, options.nodeCpu(), options.nodeMemory(), options.nodePods());
    }
  }

  /** Starts a sandbox with the defaults (3 nodes of 4 CPU, 8Gi, 110 pods). */
  public static Sandbox start() {
    return start(SandboxOptions.defaults());
  }

  /** Starts a sandbox; returns once its nodes are Ready. */
  public static Sandbox start(SandboxOptions options) {
    return new Sandbox(options);
  }

  /**
   * A client for the sandbox (cluster admin, namespace {@code default}); closed by {@link #close}.
   */
  public KubernetesClient client() {
    return userClient;
  }

  /** The API server's URL, e.g. {@code http://127.0.0.1:41234}. */
  public String masterUrl() {
    return masterUrl;
  }

  /** Writes a kubeconfig (context {@code sandbox}, namespace {@code default}) to {@code file}. */
  public Path writeKubeconfig(Path file) {
    String kubeconfig =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: sandbox
          cluster:
            server: %s
        users:
        - name: sandbox-admin
          user:
            token: sandbox
        contexts:
        - name: sandbox
          context:
            cluster: sandbox
            user: sandbox-admin
            namespace: default
        current-context: sandbox
        """
            .formatted(masterUrl);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      return Files.writeString(file, kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the sandbox kubeconfig to " + file, e);
    }
  }

  /** The nodes, as an IaaS node pool would manage them. */
  public NodePool nodePool() {
    return nodePool;
  }

  /** Stops the controllers, then the API server. */
  @Override
  public void close() {
    controllers.forEach(Controller::close);
    informers.close();
    housekeeping.shutdownNow();
    userClient.close();
    controllerClient.close();
    server.shutdown();
  }

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private KubernetesClient newClient() {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(masterUrl)
            .withNamespace("default")
            .withOauthToken("sandbox")
            .withRequestRetryBackoffLimit(0)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
