package io.jenkins.plugins.containercloud.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Machines made by the user's own executable, for any cloud: one JSON object on its standard input
 * ({@code {"action":"create"|"list"|"delete", ...}}), one JSON object on its standard output
 * ({@code {"machines":[{"id","state","createdAt","providerId","idempotencyKey"}]}}, or {@code
 * {"error":{"code","kind","message"}}} with kind throttled, capacity, invalid or transient). The
 * executable must honour the idempotency key of a create. Settings: {@code command} (the
 * executable), {@code timeout} (ISO-8601 duration, default PT5M).
 */
public final class CommandNodeProvider implements NodeProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String command;
  private final String owner;
  private final Duration timeout;

  public CommandNodeProvider(ProviderSettings settings, String owner) {
    this.command = settings.required("command");
    this.owner = owner;
    this.timeout = Duration.parse(settings.optional("timeout", "PT5M"));
  }

  @Override
  public List<Machine> create(CreateRequest request) {
    ObjectNode in = base("create", request.pool().name());
    in.put("count", request.count());
    in.put("idempotencyKey", request.idempotencyKey());
    in.put("userData", request.userData());
    NodeTemplate t = request.pool().template();
    ObjectNode template = in.putObject("template");
    template.put("instanceType", t.instanceType());
    template.put("image", t.image());
    template.put("network", t.network());
    template.put("cpuMillis", t.allocatable().cpuMillis());
    template.put("memoryBytes", t.allocatable().memoryBytes());
    template.put("pods", t.allocatable().pods());
    ObjectNode settings = in.putObject("settings");
    request.pool().provider().settings().forEach(settings::put);
    return machines(run(in), request.pool().name());
  }

  @Override
  public List<Machine> listOwned(String pool) {
    return machines(run(base("list", pool)), pool);
  }

  @Override
  public void delete(String id) {
    ObjectNode in = JSON.createObjectNode();
    in.put("action", "delete");
    in.put("owner", owner);
    in.put("id", id);
    run(in);
  }

  private ObjectNode base(String action, String pool) {
    ObjectNode in = JSON.createObjectNode();
    in.put("action", action);
    in.put("owner", owner);
    in.put("pool", pool);
    return in;
  }

  private static List<Machine> machines(JsonNode out, String pool) {
    List<Machine> machines = new ArrayList<>();
    for (JsonNode m : out.path("machines")) {
      String created = m.path("createdAt").asText(null);
      machines.add(
          new Machine(
              m.path("id").asText(),
              pool,
              m.path("state").asText("running"),
              created == null ? null : Instant.parse(created),
              m.path("providerId").asText(null),
              m.path("idempotencyKey").asText(null)));
    }
    return machines;
  }

  private JsonNode run(ObjectNode input) {
    String action = input.path("action").asText();
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new ProviderException(
          "CommandFailed",
          ProviderException.Kind.INVALID,
          "provider command " + command + " cannot be started: " + e.getMessage(),
          e);
    }
    CompletableFuture<byte[]> stdout = drain(process.getInputStream());
    CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(JSON.writeValueAsBytes(input));
    } catch (IOException e) {
      // The command may exit without reading its input; its exit code tells.
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ProviderException(
            "Timeout",
            ProviderException.Kind.TRANSIENT,
            "provider command " + action + " did not answer within " + timeout,
            null);
      }
      JsonNode out = parse(stdout.get(), action);
      JsonNode error = out.path("error");
      if (!error.isMissingNode() && !error.isNull()) {
        throw new ProviderException(
            error.path("code").asText("Error"),
            kind(error.path("kind").asText("")),
            "provider command " + action + ": " + error.path("message").asText(""),
            null);
      }
      if (process.exitValue() != 0) {
        String text = new String(stderr.get(), StandardCharsets.UTF_8).strip();
        String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
        throw new ProviderException(
            "Exit" + process.exitValue(),
            ProviderException.Kind.OTHER,
            "provider command " + action + " exited with " + process.exitValue() + ": " + last,
            null);
      }
      return out;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ProviderException("Interrupted", ProviderException.Kind.OTHER, "interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new ProviderException(
          "CommandFailed", ProviderException.Kind.TRANSIENT, "provider command output lost", e);
    }
  }

  private static JsonNode parse(byte[] bytes, String action) {
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new ProviderException(
          "BadOutput",
          ProviderException.Kind.INVALID,
          "provider command " + action + " printed something that is not one JSON object",
          e);
    }
  }

  private static ProviderException.Kind kind(String kind) {
    return switch (kind) {
      case "throttled" -> ProviderException.Kind.THROTTLED;
      case "capacity" -> ProviderException.Kind.CAPACITY;
      case "invalid" -> ProviderException.Kind.INVALID;
      case "transient" -> ProviderException.Kind.TRANSIENT;
      default -> ProviderException.Kind.OTHER;
    };
  }

  private static CompletableFuture<byte[]> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return in.readAllBytes();
          } catch (IOException e) {
            return new byte[0];
          }
        });
  }
}
