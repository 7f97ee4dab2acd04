package io.jenkins.plugins.containercloud.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code container-cloud scale}: the node pools of a running {@code serve} (which runs the
 * autoscaler): their state, and scale-ups and scale-downs by hand, through its JSON API. The API
 * token comes from {@code CONTAINER_CLOUD_TOKEN}, never from an argument.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = "The node pools of a running container-cloud serve (docs/autoscaling.md).",
    subcommands = {
      ScaleCommand.Status.class,
      ScaleCommand.Up.class,
      ScaleCommand.Down.class,
      ScaleCommand.Upgrade.class
    })
final class ScaleCommand implements Runnable {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand ContainerCloudCommand top;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a command: status, up, down or upgrade (see --help)");
  }

  /** Where the server is and how to reach it. */
  static final class ServerOptions {
    @Option(
        names = "--server",
        paramLabel = "URL",
        description =
            "The serve to ask (default $CONTAINER_CLOUD_SERVER or http://127.0.0.1:8080).")
    String server;

    JsonNode call(ContainerCloudCommand top, String method, String path, String body) {
      String base =
          server != null
              ? server
              : top.environment().getOrDefault("CONTAINER_CLOUD_SERVER", "http://127.0.0.1:8080");
      String token = top.environment().get("CONTAINER_CLOUD_TOKEN");
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException(
            "CONTAINER_CLOUD_TOKEN is not set: give an API token of the server (apiTokens in its"
                + " configuration) in that environment variable");
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/api/v1" + path))
              .timeout(Duration.ofMinutes(5))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json");
      if (body == null) {
        request.GET();
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      }
      try {
        HttpResponse<String> answer =
            HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json =
            answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        if (answer.statusCode() >= 400) {
          String error = json.path("error").path("message").asText(answer.body());
          throw new ScaleFailure(
              "the server refused (" + answer.statusCode() + "): " + error,
              answer.statusCode() < 500);
        }
        return json;
      } catch (IOException e) {
        throw new ScaleFailure("cannot reach " + base + ": " + e.getMessage(), false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ScaleFailure("interrupted", false);
      }
    }
  }

  /** A call the server refused or that did not reach it. */
  static final class ScaleFailure extends RuntimeException {
    final boolean badInput;

    ScaleFailure(String message, boolean badInput) {
      super(message);
      this.badInput = badInput;
    }
  }

  private static int guarded(PrintWriter err, Callable<Integer> work) throws Exception {
    try {
      return work.call();
    } catch (ScaleFailure e) {
      err.println("container-cloud scale: " + e.getMessage());
      err.flush();
      return e.badInput ? Main.BAD_INPUT : Main.FAILURE;
    }
  }

  /** {@code scale status}: each pool's machines by state, pending pods and the last decisions. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Pools, pending pods and recent decisions.")
  static final class Status implements Callable<Integer> {
    @ParentCommand ScaleCommand scale;
    @Spec CommandSpec spec;
    @Mixin ServerOptions server;
    @Mixin OutputOptions output;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      return guarded(
          spec.commandLine().getErr(),
          () -> {
            JsonNode view = server.call(scale.top, "GET", "/scaling", null);
            JsonNode decisions = server.call(scale.top, "GET", "/scaling/decisions?limit=10", null);
            if (output.format == OutputOptions.Format.json) {
              ObjectMapper m = JSON;
              var both = m.createObjectNode();
              both.set("scaling", view);
              both.set("decisions", decisions.path("decisions"));
              out.println(both);
            } else {
              for (JsonNode c : view.path("clusters")) {
                out.printf(
                    "cluster %s%s%n",
                    c.path("cluster").asText(),
                    c.path("running").asBoolean() ? "" : " (not connected yet)");
                for (JsonNode p : c.path("status").path("pools")) {
                  out.printf(
                      "  pool %s (%s): %d ready, %d coming, %d draining; min %d, max %d%s%s%n",
                      p.path("name").asText(),
                      p.path("provider").asText(),
                      p.path("ready").asInt(),
                      p.path("upcoming").asInt(),
                      p.path("draining").asInt(),
                      p.path("min").asInt(),
                      p.path("max").asInt(),
                      p.path("unavailableBecause").isTextual()
                          ? ", unavailable: " + p.path("unavailableBecause").asText()
                          : "",
                      p.path("upgradingTo").isTextual()
                          ? ", upgrading to template revision " + p.path("upgradingTo").asText()
                          : "");
                }
                for (JsonNode pod : c.path("status").path("pending")) {
                  out.printf(
                      "  pending %s: %s %s%n",
                      pod.path("pod").asText(),
                      pod.path("why").asText(),
                      pod.path("message").asText());
                }
              }
              for (JsonNode d : decisions.path("decisions")) {
                out.printf(
                    "  %s %s %s: %s%n",
                    d.path("occurredAt").asText(),
                    d.path("pool").asText(),
                    d.path("type").asText(),
                    d.path("reason").asText(""));
              }
            }
            out.flush();
            return 0;
          });
    }
  }

  /**
   * A command on one pool: posts to the pool's route and prints the answer, its JSON with {@code -o
   * json}, else a sentence.
   */
  abstract static class PoolAction implements Callable<Integer> {
    @ParentCommand ScaleCommand scale;
    @Spec CommandSpec spec;
    @Mixin ServerOptions server;
    @Mixin OutputOptions output;

    @Option(names = "--pool", required = true, paramLabel = "POOL", description = "The pool.")
    String pool;

    /** The route under the pool: {@code scale-up}, ... */
    abstract String action();

    abstract String body();

    abstract String sentence(JsonNode answer);

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      return guarded(
          spec.commandLine().getErr(),
          () -> {
            JsonNode answer =
                server.call(
                    scale.top,
                    "POST",
                    "/scaling/pools/" + pathSegment(pool) + "/" + action(),
                    body());
            out.println(
                output.format == OutputOptions.Format.json ? answer.toString() : sentence(answer));
            out.flush();
            return 0;
          });
    }
  }

  /** {@code scale up --pool P --nodes N}. */
  @Command(
      name = "up",
      mixinStandardHelpOptions = true,
      description = "Order N nodes of a pool now, within its maximum.")
  static final class Up extends PoolAction {
    @Option(names = "--nodes", required = true, paramLabel = "N", description = "How many nodes.")
    int nodes;

    @Override
    String action() {
      return "scale-up";
    }

    @Override
    String body() {
      return "{\"nodes\":" + nodes + "}";
    }

    @Override
    String sentence(JsonNode answer) {
      return "ordered " + answer.path("nodes").asInt() + " nodes of pool " + pool;
    }
  }

  /** {@code scale down --pool P --node NAME}. */
  @Command(
      name = "down",
      mixinStandardHelpOptions = true,
      description =
          "Cordon a node of a pool; the autoscaler drains it (PodDisruptionBudgets honoured),"
              + " deletes it and terminates its machine.")
  static final class Down extends PoolAction {
    @Option(names = "--node", required = true, paramLabel = "NAME", description = "The node.")
    String node;

    @Override
    String action() {
      return "scale-down";
    }

    @Override
    String body() {
      return JSON.createObjectNode().put("node", node).toString();
    }

    @Override
    String sentence(JsonNode answer) {
      return "node " + node + " of pool " + pool + " is draining";
    }
  }

  /** {@code scale upgrade --pool P}. */
  @Command(
      name = "upgrade",
      mixinStandardHelpOptions = true,
      description =
          "Replace the pool's nodes made from an older template or bootstrap, one at a time: one"
              + " new node first, then the drain of an old one (scale status shows the progress).")
  static final class Upgrade extends PoolAction {
    @Override
    String action() {
      return "upgrade";
    }

    @Override
    String body() {
      return "{}";
    }

    @Override
    String sentence(JsonNode answer) {
      return (answer.path("alreadyRunning").asBoolean()
              ? "the rolling upgrade of pool " + pool + " is already running"
              : "rolling upgrade of pool " + pool + " started")
          + ": "
          + answer.path("outdated").asInt()
          + " of "
          + answer.path("nodes").asInt()
          + " Ready nodes to replace with template revision "
          + answer.path("revision").asText();
    }
  }

  /**
   * The pool's name as one path segment: a name with a slash or dots must reach the server as the
   * pool it is (and be refused there), never as a path to another route.
   */
  static String pathSegment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace(".", "%2E");
  }
}
