package io.jenkins.plugins.containercloud.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.containercloud.api.DashboardJson;
import io.jenkins.plugins.containercloud.api.ListingViews;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.cluster.ClusterState;
import io.jenkins.plugins.containercloud.standalone.server.PasswordHash;
import io.jenkins.plugins.containercloud.standalone.server.Role;
import io.jenkins.plugins.containercloud.standalone.server.ServerConfig;
import io.jenkins.plugins.containercloud.standalone.server.ServerRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Scenario "dashboard": the testbed grown to 1,000 kwok nodes and 20,000 pods (made by the
 * benchmark, removed afterwards), the standalone server started in this JVM on it, and 20
 * concurrent clients reading the Overview's and the Cluster page's JSON. Prints p50/p95 per page,
 * the LIST requests the server's Kubernetes client sent per page view after warm-up, the heap after
 * warm-up, and the same pages computed by a LIST per request (the naive anchor) beside ours.
 */
public final class DashboardBenchmark {

  static final String CLUSTER = "testbed";
  static final int CLIENTS = 20;

  /**
   * The naive anchor's concurrent clients: fewer, because 20 concurrent LISTs of 20,000 pods would
   * need gigabytes in this JVM and the API server; fewer clients flatter the anchor, not us.
   */
  static final int ANCHOR_CLIENTS = 5;

  static final int WARMUP_PER_CLIENT = 10;
  // Smaller values (-Dbench.dashboard.nodes=20, …namespaces=2) make a quick trial of the scenario.
  static final int NODES = Integer.getInteger("bench.dashboard.nodes", 1000);
  static final int NAMESPACES = Integer.getInteger("bench.dashboard.namespaces", 40);
  static final int WORKLOADS_PER_NAMESPACE = 10;
  static final int REPLICAS = 50;

  /** What the Overview and the Cluster page's tabs load (the namespace list aside). */
  static final List<Page> PAGES =
      List.of(
          new Page("Overview", "/api/v1/clusters"),
          new Page("Cluster: Nodes tab", "/api/v1/clusters/" + CLUSTER + "/nodes"),
          new Page("Cluster: Workloads tab", "/api/v1/clusters/" + CLUSTER + "/workloads"),
          new Page("Cluster: Pods tab, all ns", "/api/v1/clusters/" + CLUSTER + "/pods"),
          new Page(
              "Cluster: Pods tab, 1 ns",
              "/api/v1/clusters/" + CLUSTER + "/pods?namespace=" + ScaleFixture.namespace(1)));

  record Page(String label, String path) {}

  /** Latencies of one page under load, and the LISTs the server sent meanwhile. */
  record Load(long[] nanos, long lists, long bytes) {
    double percentile(double p) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double listsPerView() {
      return lists / (double) nanos.length;
    }
  }

  private final Path kubeconfig;
  private final int requestsPerClient;
  private final int anchorRequestsPerClient;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  DashboardBenchmark(Path kubeconfig, int requestsPerClient, int anchorRequestsPerClient) {
    this.kubeconfig = kubeconfig;
    this.requestsPerClient = requestsPerClient;
    this.anchorRequestsPerClient = anchorRequestsPerClient;
  }

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int anchorRequests = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    String kubeconfig = System.getenv("KUBECONFIG");
    if (kubeconfig == null) {
      throw new IllegalStateException(
          "KUBECONFIG is not set: run testbed/up, then eval \"$(testbed/env)\"");
    }
    try (KubernetesClient admin =
        new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build()) {
      ScaleFixture fixture =
          new ScaleFixture(admin, NODES, NAMESPACES, WORKLOADS_PER_NAMESPACE, REPLICAS);
      Restore restore = new Restore(fixture);
      Thread hook = new Thread(restore::run, "restore-testbed");
      Runtime.getRuntime().addShutdownHook(hook); // Ctrl-C
      try {
        System.err.println("removing what an interrupted run may have left");
        fixture.remove(Duration.ofMinutes(15));
        long start = System.nanoTime();
        System.err.printf("creating %d kwok nodes%n", NODES);
        fixture.createNodes(Duration.ofMinutes(5));
        System.err.printf(
            "creating %d workloads in %d namespaces, %d pods%n",
            fixture.workloads(), NAMESPACES, fixture.pods());
        fixture.createWorkloads(Duration.ofMinutes(30));
        System.err.printf("set-up took %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
        new DashboardBenchmark(Path.of(kubeconfig), requests, anchorRequests).run(fixture);
      } finally {
        restore.run();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // shutting down already: the hook restores
        }
      }
    }
  }

  /** Deletes the fixture once, from the finally block or the shutdown hook, whichever is first. */
  private static final class Restore implements Runnable {
    private final ScaleFixture fixture;
    private boolean done;

    Restore(ScaleFixture fixture) {
      this.fixture = fixture;
    }

    @Override
    public synchronized void run() {
      if (done) {
        return;
      }
      done = true;
      System.err.println("restoring the testbed: deleting the namespaces, then the nodes");
      try {
        fixture.remove(Duration.ofMinutes(15));
      } catch (Exception e) {
        System.err.println(
            "could not restore the testbed ("
                + e
                + "); delete namespaces and nodes labelled "
                + ScaleFixture.LABEL
                + "="
                + ScaleFixture.VALUE);
      }
    }
  }

  void run(ScaleFixture fixture) throws Exception {
    Path data = Files.createTempDirectory("bench-dashboard");
    String token = PasswordHash.randomSecret();
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            List.of(ClusterConfig.kubeconfig(CLUSTER, kubeconfig, null, null)),
            null, // the embedded H2 history in the data directory
            null,
            null,
            List.of(),
            List.of(),
            List.of(new ServerConfig.ApiToken("bench", Role.VIEWER, PasswordHash.tokenHash(token))),
            null,
            List.of());
    long start = System.nanoTime();
    try (ServerRuntime server =
        ServerRuntime.start(config, false, data, new PrintWriter(Writer.nullWriter()))) {
      String base = "http://127.0.0.1:" + server.port();
      awaitReady(base);
      double readySeconds = (System.nanoTime() - start) / 1e9;
      Cluster cluster = server.dashboard().cluster(CLUSTER).cluster();
      ClusterState state = server.dashboard().cluster(CLUSTER).views().state();
      System.err.printf(
          "server ready in %.1f s: %d nodes, %d pods, %d events in its caches%n",
          readySeconds, state.nodes().size(), state.pods().size(), state.events().size());

      for (Page page : PAGES) {
        load(base, page, token, CLIENTS, WARMUP_PER_CLIENT, cluster::listCount);
      }
      long heap = heapAfterGc();
      System.err.printf("heap after warm-up: %d MiB%n", heap / (1024 * 1024));

      List<Load> ours = new ArrayList<>();
      for (Page page : PAGES) {
        Load load = load(base, page, token, CLIENTS, requestsPerClient, cluster::listCount);
        System.err.printf(
            "ours  %-24s p50 %8.1f ms  p95 %8.1f ms%n",
            page.label(), load.percentile(50), load.percentile(95));
        ours.add(load);
      }

      List<Load> naive = anchor(cluster.serverVersion());
      report(fixture, readySeconds, heap, ours, naive);
    }
  }

  /**
   * The naive anchor: the same documents, computed by {@link ListingViews} from a LIST per request
   * on a connection of its own, served by the JDK's HTTP server, read by the same 20 clients.
   */
  /** The pods document as the server writes it: the first page and how many matched. */
  private static Map<String, Object> firstPods(List<?> pods) {
    int limit = io.jenkins.plugins.containercloud.api.ClusterViews.DEFAULT_POD_LIMIT;
    return Map.of(
        "pods", pods.size() > limit ? pods.subList(0, limit) : pods, "total", pods.size());
  }

  private List<Load> anchor(String version) throws Exception {
    Config config = Config.autoConfigure(null);
    config.setRequestTimeout((int) Duration.ofMinutes(10).toMillis());
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      ListingViews views = new ListingViews(CLUSTER, "naive", version, client);
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ExecutorService workers = Executors.newFixedThreadPool(CLIENTS);
      server.setExecutor(workers);
      server.createContext(
          PAGES.get(0).path(), ex -> answer(ex, () -> Map.of("clusters", views.clusters())));
      server.createContext(
          PAGES.get(1).path(), ex -> answer(ex, () -> Map.of("nodes", views.nodes())));
      server.createContext(
          PAGES.get(2).path(), ex -> answer(ex, () -> Map.of("workloads", views.workloads())));
      server.createContext(
          "/api/v1/clusters/" + CLUSTER + "/pods",
          ex -> answer(ex, () -> firstPods(views.pods(namespaceQuery(ex), null, null))));
      server.start();
      try {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<Load> loads = new ArrayList<>();
        for (Page page : PAGES) {
          Load load =
              load(base, page, "", ANCHOR_CLIENTS, anchorRequestsPerClient, views::listCount);
          System.err.printf(
              "naive %-24s p50 %8.1f ms  p95 %8.1f ms%n",
              page.label(), load.percentile(50), load.percentile(95));
          loads.add(load);
        }
        return loads;
      } finally {
        server.stop(0);
        workers.shutdownNow();
      }
    }
  }

  private static String namespaceQuery(HttpExchange exchange) {
    String query = exchange.getRequestURI().getQuery();
    return query != null && query.startsWith("namespace=") ? query.substring(10) : null;
  }

  /** Answers with the document, or with a 500 that says why (the client reports it). */
  private static void answer(HttpExchange exchange, Supplier<Object> body) throws IOException {
    int status = 200;
    byte[] json;
    try {
      json = DashboardJson.MAPPER.writeValueAsBytes(body.get());
    } catch (RuntimeException e) {
      status = 500;
      json = String.valueOf(e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    exchange.getResponseBody().write(json);
    exchange.close();
  }

  /** {@code clients} clients each GET {@code page} {@code perClient} times, one after another. */
  private Load load(
      String base, Page page, String token, int clients, int perClient, LongSupplier lists)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + page.path()))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofMinutes(5))
            .GET()
            .build();
    long listsBefore = lists.getAsLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        results.add(
            pool.submit(
                () -> {
                  long[] nanos = new long[perClient + 1];
                  for (int i = 0; i < perClient; i++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                      throw new IllegalStateException(
                          page.path()
                              + " answered "
                              + response.statusCode()
                              + ": "
                              + new String(response.body()));
                    }
                    nanos[perClient] = response.body().length;
                  }
                  return nanos;
                }));
      }
      long[] all = new long[clients * perClient];
      long bytes = 0;
      for (int c = 0; c < clients; c++) {
        long[] nanos = results.get(c).get();
        System.arraycopy(nanos, 0, all, c * perClient, perClient);
        bytes = nanos[perClient];
      }
      return new Load(all, lists.getAsLong() - listsBefore, bytes);
    } finally {
      pool.shutdownNow();
    }
  }

  private void awaitReady(String base) throws Exception {
    HttpRequest readyz = HttpRequest.newBuilder(URI.create(base + "/readyz")).GET().build();
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the server was not ready after 5 minutes");
      }
      Thread.sleep(200);
    }
  }

  /** The used heap of this JVM (server, caches and clients) after a full collection. */
  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(500);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void report(
      ScaleFixture fixture, double readySeconds, long heap, List<Load> ours, List<Load> naive) {
    System.out.printf(
        "dashboard: %d kwok nodes (+ the testbed's own), %d pods Running, %d workloads in %d"
            + " namespaces%n",
        NODES, fixture.pods(), fixture.workloads(), NAMESPACES);
    System.out.printf(
        "requests per page (clients x requests): ours %d x %d after %d x %d warm-up; naive (a LIST"
            + " per request) %d x %d%n%n",
        CLIENTS,
        requestsPerClient,
        CLIENTS,
        WARMUP_PER_CLIENT,
        ANCHOR_CLIENTS,
        anchorRequestsPerClient);
    System.out.printf(
        "%-24s %-52s %9s %8s %8s %12s %10s %10s %12s %10s%n",
        "page",
        "request",
        "JSON KiB",
        "p50 ms",
        "p95 ms",
        "LISTs/view",
        "naive p50",
        "naive p95",
        "naive LISTs",
        "p95 naive/ours");
    for (int i = 0; i < PAGES.size(); i++) {
      Page page = PAGES.get(i);
      Load o = ours.get(i);
      Load n = naive.get(i);
      System.out.printf(
          "%-24s %-52s %9.1f %8.1f %8.1f %12.2f %10.0f %10.0f %12.2f %10.1f%n",
          page.label(),
          "GET " + page.path().replace("/api/v1", ""),
          o.bytes() / 1024.0,
          o.percentile(50),
          o.percentile(95),
          o.listsPerView(),
          n.percentile(50),
          n.percentile(95),
          n.listsPerView(),
          n.percentile(95) / o.percentile(95));
    }
    long lists = ours.stream().mapToLong(Load::lists).sum();
    long views = ours.stream().mapToLong(l -> l.nanos().length).sum();
    double worstP95 = ours.stream().mapToDouble(l -> l.percentile(95)).max().orElse(0);
    System.out.printf(
        "%nserver ready (caches filled) %.1f s after start%n"
            + "heap after warm-up: %d MiB (used heap of the benchmark's JVM — server, caches and"
            + " clients — after System.gc(), MemoryMXBean)%n"
            + "LISTs sent by the server's Kubernetes client during %d measured page views: %d%n",
        readySeconds, heap / (1024 * 1024), views, lists);
    System.out.printf(
        "targets: p95 < 100 ms: %s (worst %.1f ms); heap < 512 MiB: %s; 0 LISTs per view: %s%n",
        worstP95 < 100 ? "met" : "MISSED",
        worstP95,
        heap < 512L * 1024 * 1024 ? "met" : "MISSED",
        lists == 0 ? "met" : "MISSED");
  }
}
