package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.standalone.server.PasswordHash;
import io.jenkins.plugins.containercloud.standalone.server.ServerConfig;
import io.jenkins.plugins.containercloud.standalone.server.ServerRuntime;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code container-cloud serve}: the dashboard, its JSON API and live stream. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the dashboard (cluster health, live rollouts, history with rollback) and its JSON API"
          + " on http://127.0.0.1:8080 until stopped.",
      "Without --config it runs on a sandbox cluster simulated in the server and the embedded H2"
          + " history; --demo also fills the sandbox and keeps rollouts going."
    })
final class ServeCommand implements Callable<Integer> {

  @ParentCommand ContainerCloudCommand top;
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The server's YAML configuration (docs/server.md).")
  Path config;

  @Option(
      names = "--demo",
      description = "Seed the sandbox cluster and start a rollout every minute.")
  boolean demo;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Listen on this address (default 127.0.0.1).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Listen on this port (default 8080; 0 picks one).")
  Integer port;

  @Option(
      names = "--hash-password",
      description =
          "Read a password from standard input, print its hash for the configuration, and exit.")
  boolean hashPassword;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (hashPassword) {
      String password =
          new BufferedReader(new InputStreamReader(top.stdin(), StandardCharsets.UTF_8)).readLine();
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("--hash-password: give the password on standard input");
      }
      out.println(PasswordHash.hash(password.toCharArray()));
      return 0;
    }
    ServerConfig settings =
        config == null
            ? ServerConfig.defaults(top.environment())
            : ServerConfig.read(config, top.environment());
    settings = settings.listeningOn(host, port);
    List<NodePool> pools =
        config == null
            ? List.of()
            : NodePoolsConfig.read(
                config, settings.clusters().size() == 1 ? settings.clusters().get(0).name() : null);
    ServerRuntime.Election election =
        config == null ? null : LeaderElectionConfig.read(config, settings, top.environment());
    ServerRuntime server =
        ServerRuntime.start(
            settings, pools, election, demo, DataDirectory.of(top.environment()), out);
    out.println(
        "Container Cloud is serving on http://"
            + hostForUrl(settings.host())
            + ":"
            + server.port()
            + "/");
    out.flush();
    // Ctrl-C or SIGTERM: running rollouts are interrupted, roll back and are recorded before exit.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "serve-shutdown"));
    stopped.await();
    return 0;
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
