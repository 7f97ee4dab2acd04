package io.jenkins.plugins.containercloud.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.standalone.server.ServerConfig;
import io.jenkins.plugins.containercloud.standalone.server.ServerRuntime;
import io.jenkins.plugins.containercloud.testing.PostgresSchema;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Scenario "webhook-intake": {@code serve} started in this JVM (sandbox cluster), {@link #SENDERS}
 * concurrent senders POSTing signed GitHub package deliveries and registry notifications (half
 * each), on the embedded H2 history and on the testbed's PostgreSQL. Prints accepted deliveries/s,
 * p50/p99 of the answer, and, as the anchor in the same server and run, the throughput of a POST to
 * a hook name that is not configured — answered at once, without reading the body, verifying or
 * storing: the ceiling of the HTTP stack here. The anchor round starts once the processor (still
 * running) has finished the warm-up's triggers, and the intake round right after it. Then checks
 * that every delivery answered 202 is in the database ("lost").
 */
public final class WebhookIntakeBenchmark {

  static final int SENDERS = 16;
  static final int PER_SENDER = Integer.getInteger("bench.webhook.perSender", 600);
  static final int WARMUP_PER_SENDER = 100;
  static final Duration WARMUP = Duration.ofSeconds(20);
  private static final String SECRET = "bench-webhook-secret";
  private static final String AUTH = "Bearer bench-registry";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger sequence = new AtomicInteger();

  /** Rounds of each endpoint, alternating, so that a drift of the machine affects both alike. */
  static final int ROUNDS = 3;

  /**
   * @param args {@code h2} or {@code postgresql} (bench/run starts one JVM for each, so that
   *     neither starts with code the other warmed up); none for both in this JVM
   */
  public static void main(String[] args) throws Exception {
    List<String> databases = args.length == 0 ? List.of("h2", "postgresql") : List.of(args);
    WebhookIntakeBenchmark bench = new WebhookIntakeBenchmark();
    for (String database : databases) {
      switch (database) {
        case "h2" -> bench.run("h2", null);
        case "postgresql" -> {
          try (PostgresSchema schema = PostgresSchema.create()) {
            bench.run("postgresql", schema);
          }
        }
        default ->
            throw new IllegalArgumentException("the database is h2 or postgresql, was " + database);
      }
    }
  }

  void run(String name, PostgresSchema schema) throws Exception {
    Path data = Files.createTempDirectory("bench-webhook");
    Files.writeString(data.resolve("secret"), SECRET);
    Files.writeString(data.resolve("auth"), AUTH);
    Files.writeString(data.resolve("db-password"), Testbed.postgresPassword());
    String history =
        schema == null
            ? ""
            : "history: {url: \"%s\", user: %s, password: {file: db-password}}\n"
                .formatted(schema.url(), Testbed.postgresUser());
    // One rule per hook, on a workload the sandbox lacks: each accepted delivery stores a trigger
    // that the processor claims, refuses quickly and records (the rollout engine is not measured).
    Path config =
        Files.writeString(
            data.resolve("server.yaml"),
            """
            server: {host: 127.0.0.1, port: 0}
            %swebhooks:
              - name: gh
                source: github
                secret: {file: secret}
                ratePerSecond: 100000
                rules:
                  - {name: r, repository: "bench/**", target: {cluster: sandbox, namespace: bench, kind: Deployment, name: absent}}
              - name: reg
                source: registry
                secret: {file: auth}
                ratePerSecond: 100000
                rules:
                  - {name: r, repository: "bench/**", target: {cluster: sandbox, namespace: bench, kind: Deployment, name: absent}}
            """
                .formatted(history));
    try (ServerRuntime server =
        ServerRuntime.start(
            ServerConfig.read(config, Map.of()),
            false,
            data,
            new PrintWriter(Writer.nullWriter()))) {
      String base = "http://127.0.0.1:" + server.port();
      HistoryDatabase database =
          schema == null
              ? HistoryDatabase.h2File(data.resolve("history"))
              : HistoryDatabase.jdbc(
                  schema.url(), Testbed.postgresUser(), Testbed.postgresPassword());
      int stored = 0;
      try (HistoryStore store = HistoryStore.open(database)) {
        WebhookHistory deliveries = new WebhookHistory(store);
        // Both endpoints warm up for a while: in a fresh JVM on two cores the JIT compiles the
        // HTTP path for seconds, and an anchor measured before that is far too low.
        long warmUpEnd = System.nanoTime() + WARMUP.toNanos();
        for (int r = 0; r < 2 || System.nanoTime() < warmUpEnd; r++) {
          round(base, true, WARMUP_PER_SENDER);
          round(base, false, WARMUP_PER_SENDER);
        }
        // Each anchor round starts once the processor (running, in the same server) has no
        // triggers left, so that it does not share the machine with an earlier round's backlog
        // while the intake round pays only for its own; the intake round follows at once.
        List<Result> anchors = new ArrayList<>();
        List<Result> intakes = new ArrayList<>();
        long drained = 0;
        for (int r = 0; r < ROUNDS; r++) {
          drained += awaitIdle(deliveries);
          anchors.add(round(base, false, PER_SENDER / ROUNDS));
          intakes.add(round(base, true, PER_SENDER / ROUNDS));
        }
        long backlog = awaitIdle(deliveries);
        Result anchor = Result.of(anchors);
        Result intake = Result.of(intakes);
        List<String> ids = new ArrayList<>(intake.accepted());
        for (int i = 0; i < ids.size(); i += 1000) {
          stored += deliveries.stored(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        System.out.printf(
            "webhook-intake %s: %d senders, %d deliveries: accepted %d (202) at %.0f/s, answer p50"
                + " %.1f ms p99 %.1f ms; anchor (unknown hook, no body read) %.0f/s, p50 %.1f ms"
                + " p99 %.1f ms; ratio %.2f; lost %d; processor idle %.1f s before the"
                + " anchor rounds (sum), %.1f s after the last intake round%s%n",
            name,
            SENDERS,
            intake.sent(),
            intake.accepted().size(),
            intake.perSecond(),
            intake.p50(),
            intake.p99(),
            anchor.perSecond(),
            anchor.p50(),
            anchor.p99(),
            intake.perSecond() / anchor.perSecond(),
            intake.accepted().size() - stored,
            drained / 1e3,
            backlog / 1e3,
            schema == null
                ? "; history file %.0f MB"
                    .formatted(Files.size(data.resolve("history.mv.db")) / 1e6)
                : "");
      }
    }
  }

  /**
   * Waits until no trigger is pending or running (bounded: 2 minutes); returns the milliseconds it
   * took.
   */
  private static long awaitIdle(WebhookHistory deliveries) throws InterruptedException {
    long start = System.nanoTime();
    for (int i = 0; i < 1200; i++) {
      if (deliveries.pending(1).isEmpty() && deliveries.running(1).isEmpty()) {
        return (System.nanoTime() - start) / 1_000_000;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the processor still had work after 2 minutes");
  }

  private Result round(String base, boolean real, int perSender) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
    ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    long[] latencies = new long[SENDERS * perSender];
    AtomicInteger slot = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      senders.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perSender; i++) {
                  HttpRequest request = real ? delivery(base) : anchor(base);
                  long t0 = System.nanoTime();
                  HttpResponse<String> answer =
                      http.send(request, HttpResponse.BodyHandlers.ofString());
                  latencies[slot.getAndIncrement()] = System.nanoTime() - t0;
                  if (real && answer.statusCode() == 202) {
                    accepted.add(JSON.readTree(answer.body()).get("delivery").asText());
                  } else if (real) {
                    throw new IllegalStateException(
                        "answered " + answer.statusCode() + ": " + answer.body());
                  }
                }
                return null;
              }));
    }
    for (Future<?> sender : senders) {
      sender.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(List.copyOf(accepted), latencies, seconds);
  }

  private HttpRequest delivery(String base) throws Exception {
    int n = sequence.incrementAndGet();
    String digest = "sha256:%064x".formatted(n);
    if (n % 2 == 0) {
      String body =
          ("{\"events\":[{\"id\":\"bench-%d\",\"action\":\"push\",\"target\":{\"mediaType\":"
                  + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"%s\","
                  + "\"repository\":\"bench/web\",\"tag\":\"t%d\"},\"request\":{\"host\":"
                  + "\"127.0.0.1:5000\"}}]}")
              .formatted(n, digest, n);
      return HttpRequest.newBuilder(URI.create(base + "/hooks/registry/reg"))
          .header("Content-Type", "application/vnd.docker.distribution.events.v2+json")
          .header("Authorization", AUTH)
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }
    String body =
        ("{\"action\":\"published\",\"package\":{\"name\":\"web\",\"namespace\":\"bench\","
                + "\"package_type\":\"CONTAINER\",\"package_version\":{\"container_metadata\":"
                + "{\"tag\":{\"name\":\"t%d\"},\"manifest\":{\"digest\":\"%s\"}}}}}")
            .formatted(n, digest);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HttpRequest.newBuilder(URI.create(base + "/hooks/github/gh"))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "package")
        .header("X-GitHub-Delivery", "bench-" + n)
        .header("X-GitHub-Hook-ID", "1")
        .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
  }

  /** The same kind of request to a hook name that is not configured: the HTTP stack's ceiling. */
  private HttpRequest anchor(String base) {
    return HttpRequest.newBuilder(URI.create(base + "/hooks/registry/none"))
        .header("Content-Type", "application/vnd.docker.distribution.events.v2+json")
        .header("Authorization", AUTH)
        .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[]}"))
        .build();
  }

  /** Rounds of one endpoint: the ids answered 202, each answer's latency (ns), the time taken. */
  private record Result(List<String> accepted, long[] latencies, double seconds) {

    static Result of(List<Result> rounds) {
      List<String> accepted = new ArrayList<>();
      long[] latencies = new long[0];
      double seconds = 0;
      for (Result r : rounds) {
        accepted.addAll(r.accepted);
        int at = latencies.length;
        latencies = Arrays.copyOf(latencies, at + r.latencies.length);
        System.arraycopy(r.latencies, 0, latencies, at, r.latencies.length);
        seconds += r.seconds;
      }
      Arrays.sort(latencies);
      return new Result(accepted, latencies, seconds);
    }

    int sent() {
      return latencies.length;
    }

    double perSecond() {
      return latencies.length / seconds;
    }

    /** Of a result made by {@link #of} (sorted). */
    double p50() {
      return latencies[latencies.length / 2] / 1e6;
    }

    double p99() {
      return latencies[(int) (latencies.length * 0.99)] / 1e6;
    }
  }
}
