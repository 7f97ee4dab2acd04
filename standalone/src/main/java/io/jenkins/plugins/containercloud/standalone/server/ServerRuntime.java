package io.jenkins.plugins.containercloud.standalone.server;

import io.jenkins.plugins.containercloud.api.ContainerCloud;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardCluster;
import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.api.WebhookDeliveries;
import io.jenkins.plugins.containercloud.api.WebhookImages;
import io.jenkins.plugins.containercloud.api.WebhookRollouts;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.cluster.LeaderLease;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.sandbox.Sandbox;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeProviders;
import io.jenkins.plugins.containercloud.scale.SimulatedNodeProvider;
import io.jenkins.plugins.containercloud.webhook.CodePipeline;
import io.jenkins.plugins.containercloud.webhook.GitLogin;
import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import io.jenkins.plugins.containercloud.webhook.WebhookProcessor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A running {@code container-cloud serve}: assembles the clusters (the in-process sandbox when none
 * is configured), the history, the users, the dashboard and the HTTP server from a validated {@link
 * ServerConfig}, and takes them down in the reverse order.
 */
public final class ServerRuntime implements AutoCloseable {

  static final String SANDBOX_NOTICE =
      "Sandbox: the cluster is simulated inside this server and the history is the embedded H2"
          + " database. Configure real clusters and PostgreSQL with --config (see docs/server.md).";

  /** Leader election among replicas: the cluster that holds the lease, and the lease. */
  public record Election(String cluster, LeaderLease.Settings settings) {}

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final int port;
  private final Dashboard dashboard;
  private DashboardServer server;
  private LeaderOnlyWork leaderOnly;

  private ServerRuntime(
      ServerConfig config,
      List<NodePool> configuredPools,
      Election election,
      boolean demo,
      Path dataDirectory,
      PrintWriter out) {
    Clock clock = Clock.systemUTC();
    try {
      List<DashboardCluster> clusters = new ArrayList<>();
      Sandbox sandbox = null;
      if (config.clusters().isEmpty()) {
        sandbox = Sandbox.start();
        resources.add(sandbox);
        Path kubeconfig =
            sandbox.writeKubeconfig(privateFile(dataDirectory.resolve("sandbox"), "kubeconfig"));
        clusters.add(
            new DashboardCluster(
                ClusterConfig.kubeconfig("sandbox", kubeconfig, "sandbox", "default"),
                "in-process sandbox",
                true,
                clock));
        if (demo) {
          DemoWorkloads.seed(sandbox.client());
        }
      } else {
        for (ClusterConfig c : config.clusters()) {
          clusters.add(new DashboardCluster(c, c.toString(), false, clock));
        }
      }
      Deployments deployments = Deployments.open(history(config, demo, dataDirectory));
      resources.add(deployments);
      dashboard = new Dashboard(clusters, deployments, clock);
      resources.add(dashboard);
      dashboard.start();
      List<NodePool> pools = new ArrayList<>(configuredPools);
      if (demo && sandbox != null) {
        pools.add(DemoBurst.pool());
      }
      Scaling scaling = scaling(pools, clusters, sandbox, deployments, clock);
      resources.add(scaling);
      // The demo's hook, unless the configuration already has one of that name.
      List<HookSettings> hooks = new ArrayList<>(config.webhooks());
      DemoHook demoHook = null;
      if (demo
          && sandbox != null
          && hooks.stream().noneMatch(h -> h.name().equals(DemoHook.NAME))) {
        demoHook = new DemoHook(PasswordHash.randomSecret());
        resources.add(demoHook);
        hooks.add(demoHook.settings());
      }
      WebhookDeliveries webhooks =
          webhooks(config, hooks, deployments, scaling, dataDirectory, clock);
      leaderOnly(election, clusters, scaling);
      Authenticator auth =
          new Authenticator(
              users(config, demo, dataDirectory, out),
              config.tokens(),
              config.sessionKey() != null ? config.sessionKey() : PasswordHash.randomSecret(),
              clock);
      ServerMetrics metrics = new ServerMetrics();
      metrics.watch(dashboard, clusters);
      metrics.watchScaling(scaling);
      server =
          new DashboardServer(
              dashboard, auth, metrics, sandbox != null ? SANDBOX_NOTICE : null, webhooks);
      server.scaling(scaling);
      resources.add(server);
      port = server.start(config.host(), config.port());
      if (demo && sandbox != null) {
        DemoWorkloads workloads = new DemoWorkloads();
        resources.add(workloads);
        workloads.start(dashboard.rollouts());
        DemoBurst burst = new DemoBurst(sandbox.client());
        resources.add(burst);
        burst.start();
        if (demoHook != null) {
          demoHook.start(config.host(), port);
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts the server; returns once it listens.
   *
   * @param dataDirectory where the embedded history, the sandbox's kubeconfig and the generated
   *     admin password's hash live
   */
  public static ServerRuntime start(
      ServerConfig config, boolean demo, Path dataDirectory, PrintWriter out) {
    return new ServerRuntime(config, List.of(), null, demo, dataDirectory, out);
  }

  /** {@link #start}, with the node pools the autoscaler manages. */
  public static ServerRuntime start(
      ServerConfig config,
      List<NodePool> pools,
      boolean demo,
      Path dataDirectory,
      PrintWriter out) {
    return new ServerRuntime(config, pools, null, demo, dataDirectory, out);
  }

  /**
   * {@link #start}, with the node pools, and leader election among replicas ({@code election} null:
   * this server runs the autoscalers and the webhook processing itself).
   */
  public static ServerRuntime start(
      ServerConfig config,
      List<NodePool> pools,
      Election election,
      boolean demo,
      Path dataDirectory,
      PrintWriter out) {
    return new ServerRuntime(config, pools, election, demo, dataDirectory, out);
  }

  /** The autoscalers of the pools; the simulated provider makes nodes in the sandbox. */
  private static Scaling scaling(
      List<NodePool> pools,
      List<DashboardCluster> clusters,
      Sandbox sandbox,
      Deployments deployments,
      Clock clock) {
    return new Scaling(
        pools,
        name ->
            clusters.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster " + name))
                .cluster(),
        (pool, owner) -> {
          if ("simulated".equals(pool.provider().type())) {
            if (sandbox == null) {
              throw new ConfigException(
                  "nodePools " + pool.name() + ".provider.type",
                  "simulated works only on the sandbox cluster");
            }
            return new SimulatedNodeProvider(sandbox.client(), owner);
          }
          return NodeProviders.of(pool.provider(), owner);
        },
        deployments.scalingLog(),
        clock,
        Autoscaler.Timing.DEFAULT);
  }

  public int port() {
    return port;
  }

  DashboardServer server() {
    return server;
  }

  public Dashboard dashboard() {
    return dashboard;
  }

  /**
   * The webhook intake, and the work only the leader runs: the autoscalers and the processor that
   * runs what the intake stores (each processor first finishes what a previous one left undone).
   */
  private WebhookDeliveries webhooks(
      ServerConfig config,
      List<HookSettings> hooks,
      Deployments deployments,
      Scaling scaling,
      Path dataDirectory,
      Clock clock) {
    WebhookHistory history = deployments.webhooks();
    CodePipeline pipeline = codePipeline(config, history, dataDirectory, clock);
    leaderOnly =
        new LeaderOnlyWork(
            scaling,
            () ->
                new WebhookProcessor(
                    history,
                    new WebhookRollouts(dashboard.rollouts(), deployments),
                    new RegistryDigests(config.registries()),
                    pipeline,
                    clock));
    resources.add(leaderOnly);
    WebhookIntake intake = new WebhookIntake(hooks, history, clock, leaderOnly::wake);
    resources.add(intake);
    return new WebhookDeliveries(history, intake);
  }

  /** Runs the leader-only work now, or while this replica holds the lease. */
  private void leaderOnly(Election election, List<DashboardCluster> clusters, Scaling scaling) {
    if (election == null) {
      leaderOnly.startedLeading();
      return;
    }
    DashboardCluster holder =
        clusters.stream()
            .filter(c -> c.name().equals(election.cluster()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigException(
                        "leaderElection.cluster", "no cluster " + election.cluster()));
    ServerElection elected = new ServerElection(holder, election.settings(), leaderOnly);
    // Closed before the work it starts (resources close in reverse): the lease is given back only
    // after this replica stopped acting.
    resources.add(elected);
    scaling.leadership(elected::leadership);
    elected.start();
  }

  /**
   * Code-push builds: the daemon of {@code DOCKER_HOST} (or the default socket), the registry
   * logins, work folders under the data directory.
   */
  /** The configuration's secrets, which a build's stored output must never show. */
  private static List<String> maskedInBuildLogs(ServerConfig config) {
    List<String> secrets = new ArrayList<>();
    config.registries().forEach(r -> secrets.add(r.password()));
    for (HookSettings hook : config.webhooks()) {
      secrets.add(hook.secret());
      secrets.add(hook.signingToken());
    }
    return secrets;
  }

  private CodePipeline codePipeline(
      ServerConfig config, WebhookHistory history, Path dataDirectory, Clock clock) {
    ContainerCloud cloud =
        ContainerCloud.builder()
            .dockerHost(System.getenv("DOCKER_HOST"))
            .credentials(RegistryDigests.credentials(config.registries()))
            .build();
    resources.add(cloud);
    Path builds = dataDirectory.resolve("webhook-builds");
    return new CodePipeline(
        history,
        new WebhookImages(cloud, builds.resolve(".jib-cache")),
        builds,
        GitLogin.byFolder(config.webhooks()),
        maskedInBuildLogs(config),
        clock);
  }

  private static HistoryDatabase history(ServerConfig config, boolean demo, Path dataDirectory) {
    if (config.historyUrl() != null) {
      return HistoryDatabase.jdbc(
          config.historyUrl(), config.historyUser(), config.historyPassword());
    }
    // The demo keeps its made-up rollouts out of the history the command line writes.
    return HistoryDatabase.h2File(
        dataDirectory.resolve(demo ? "demo" : ".").resolve("history").normalize());
  }

  /**
   * The configured users; with none, an {@code admin} whose password is generated and printed once
   * (its hash is kept in the data directory, as Jenkins keeps its initial admin password), or for
   * the demo an admin and a viewer with passwords printed at every start.
   */
  private static List<ServerConfig.User> users(
      ServerConfig config, boolean demo, Path dataDirectory, PrintWriter out) {
    if (!config.users().isEmpty()) {
      return config.users();
    }
    if (demo) {
      String admin = PasswordHash.randomSecret();
      String viewer = PasswordHash.randomSecret();
      out.println(
          "Log in as admin with password "
              + admin
              + " (or as viewer with password "
              + viewer
              + ")");
      return List.of(
          new ServerConfig.User("admin", Role.ADMIN, PasswordHash.hash(admin.toCharArray())),
          new ServerConfig.User("viewer", Role.VIEWER, PasswordHash.hash(viewer.toCharArray())));
    }
    Path file = dataDirectory.resolve("server").resolve("initial-admin-password.hash");
    try {
      if (Files.exists(file)) {
        out.println(
            "Log in as admin with the password printed when this server first started"
                + " (forgotten: delete "
                + file
                + " and restart).");
        return List.of(new ServerConfig.User("admin", Role.ADMIN, Files.readString(file).strip()));
      }
      String password = PasswordHash.randomSecret();
      Files.writeString(
          privateFile(file.getParent(), file.getFileName().toString()),
          PasswordHash.hash(password.toCharArray()));
      out.println("No users are configured: log in as admin with password " + password);
      out.println("This is printed once; only its hash is kept, in " + file + ".");
      return List.of(new ServerConfig.User("admin", Role.ADMIN, Files.readString(file).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the admin password's hash in " + file, e);
    }
  }

  /** An empty file only its owner can read, in {@code directory} (created when missing). */
  private static Path privateFile(Path directory, String name) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(name);
      Files.deleteIfExists(file);
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory.resolve(name), e);
    }
  }

  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // Go on closing the rest; the server is stopping either way.
      }
    }
  }
}
