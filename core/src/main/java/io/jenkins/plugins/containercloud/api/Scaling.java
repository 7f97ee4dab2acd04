package io.jenkins.plugins.containercloud.api;

import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.history.ScalingEvent;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeProvider;
import io.jenkins.plugins.containercloud.scale.PoolResize;
import io.jenkins.plugins.containercloud.scale.ScalingLog;
import io.jenkins.plugins.containercloud.scale.ScalingStatus;
import io.jenkins.plugins.containercloud.scale.ScalingTimeline;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node-pool autoscalers of a host, one per cluster that has pools, and what the API shows of
 * them. Each autoscaler starts once its cluster is connected (a cluster that is down never blocks
 * the host). Hosts call this; it holds no host types.
 */
public final class Scaling implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Scaling.class);

  /**
   * The JSON of {@code GET /api/v1/scaling}: every cluster's pools and pending pods, and which
   * replica runs the autoscalers.
   */
  public record View(List<ClusterView> clusters, Leadership leadership) {}

  /**
   * Which replica acts: with leader election ({@code elected}), the identity of this replica and of
   * the one holding the lease; without it this server acts alone and both are null.
   */
  public record Leadership(boolean elected, String identity, String leader, boolean leading) {
    /** A server that acts alone. */
    public static final Leadership ALONE = new Leadership(false, null, null, true);
  }

  /** The body of {@code POST /api/v1/scaling/pools/{pool}/scale-up}. */
  public record ScaleUpRequest(int nodes) {}

  /** The body of {@code POST /api/v1/scaling/pools/{pool}/scale-down}. */
  public record ScaleDownRequest(String node) {}

  /** One entry of the decision log, as the API writes it. */
  public record Decision(
      String id,
      String cluster,
      String pool,
      String occurredAt,
      String type,
      String requestKey,
      String machineId,
      String nodeName,
      int nodes,
      String pods,
      String reason,
      Long durationMillis) {
    static Decision of(ScalingEvent e) {
      return new Decision(
          e.id(),
          e.cluster(),
          e.pool(),
          e.occurredAt().toString(),
          e.type(),
          e.requestKey(),
          e.machineId(),
          e.nodeName(),
          e.nodes(),
          e.pods(),
          e.reason(),
          e.durationMillis());
    }
  }

  /**
   * One cluster's autoscaler: whether it runs, what its last run saw, and the node and pending-pod
   * counts of the last minutes (oldest first).
   */
  public record ClusterView(
      String cluster,
      boolean running,
      ScalingStatus status,
      List<ScalingTimeline.Sample> timeline) {}

  /** How often the timeline is sampled, and how many samples it keeps (15 minutes). */
  static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

  static final int SAMPLES_KEPT = 180;

  private final Map<String, List<NodePool>> poolsByCluster = new LinkedHashMap<>();
  private final Function<String, Cluster> clusters;
  private final BiFunction<NodePool, String, NodeProvider> providers;
  private final ScalingLog log;
  private final Clock clock;
  private final Autoscaler.Timing timing;
  private final Map<String, Autoscaler> running = new HashMap<>();
  private final Map<String, ScalingTimeline> timelines = new HashMap<>();
  private final ScheduledExecutorService sampler = daemonScheduler("scaling-timeline");
  private boolean sampling;
  private ScheduledExecutorService starter;
  private volatile java.util.function.Supplier<Leadership> leadership = () -> Leadership.ALONE;

  /**
   * @param clusters the connection of a cluster by name; throws while it is not connected
   * @param providers the provider of a pool, owning machines as the given owner
   */
  public Scaling(
      List<NodePool> pools,
      Function<String, Cluster> clusters,
      BiFunction<NodePool, String, NodeProvider> providers,
      ScalingLog log,
      Clock clock,
      Autoscaler.Timing timing) {
    pools.forEach(p -> poolsByCluster.computeIfAbsent(p.cluster(), c -> new ArrayList<>()).add(p));
    this.clusters = clusters;
    this.providers = providers;
    this.log = log;
    this.clock = clock;
    this.timing = timing;
  }

  /**
   * Starts each cluster's autoscaler as soon as its cluster is connected; again after {@link
   * #stop()} (a replica that leads again). A new autoscaler first repeats the scale-ups its
   * predecessor — in this process or another — recorded and left unfinished.
   */
  public synchronized void start() {
    if (!poolsByCluster.isEmpty() && starter == null) {
      starter = daemonScheduler("autoscaler-starter");
      starter.scheduleWithFixedDelay(this::startConnected, 0, 1, TimeUnit.SECONDS);
      if (!sampling) {
        // Samples only the autoscalers running here: a follower's timeline stays as it was.
        sampler.scheduleAtFixedRate(
            this::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        sampling = true;
      }
    }
  }

  /** Stops every autoscaler (this replica no longer leads); {@link #start()} starts them again. */
  public synchronized void stop() {
    if (starter != null) {
      starter.shutdownNow();
      starter = null;
    }
    running.values().forEach(Autoscaler::close);
    running.clear();
  }

  /** Where the view learns which replica leads (a host with leader election sets it). */
  public void leadership(java.util.function.Supplier<Leadership> source) {
    this.leadership = source;
  }

  private synchronized void startConnected() {
    if (starter == null) {
      return; // stopped meanwhile
    }
    for (Map.Entry<String, List<NodePool>> e : poolsByCluster.entrySet()) {
      if (running.containsKey(e.getKey())) {
        continue;
      }
      Cluster cluster;
      try {
        cluster = clusters.apply(e.getKey());
      } catch (RuntimeException notYet) {
        continue;
      }
      Map<String, NodeProvider> byPool = new HashMap<>();
      for (NodePool pool : e.getValue()) {
        byPool.put(pool.name(), providers.apply(pool, "container-cloud/" + e.getKey()));
      }
      Autoscaler autoscaler =
          new Autoscaler(
              e.getKey(),
              cluster.wholeCluster(),
              cluster.client(),
              e.getValue(),
              byPool,
              log,
              clock,
              timing);
      autoscaler.start();
      running.put(e.getKey(), autoscaler);
      LOG.info("cluster {}: autoscaler started for pools {}", e.getKey(), byPool.keySet());
    }
    if (running.size() == poolsByCluster.size()) {
      starter.shutdown(); // stays non-null: start() is a no-op until stop()
    }
  }

  /** Adds every running autoscaler's counts to its cluster's timeline. */
  synchronized void sample() {
    running.forEach(
        (cluster, a) ->
            timelines
                .computeIfAbsent(cluster, c -> new ScalingTimeline(SAMPLES_KEPT))
                .add(clock.instant(), a.status()));
  }

  /** Whether any pool is configured. */
  public boolean configured() {
    return !poolsByCluster.isEmpty();
  }

  public synchronized View view() {
    List<ClusterView> views = new ArrayList<>();
    for (String cluster : poolsByCluster.keySet()) {
      Autoscaler a = running.get(cluster);
      ScalingTimeline timeline = timelines.get(cluster);
      views.add(
          new ClusterView(
              cluster,
              a != null,
              a == null ? ScalingStatus.notStarted(poolsByCluster.get(cluster)) : a.status(),
              timeline == null ? List.of() : timeline.samples()));
    }
    return new View(views, leadership.get());
  }

  /** The newest decisions of every cluster, newest first. */
  public List<Decision> decisions(int limit) {
    List<ScalingEvent> all = new ArrayList<>();
    for (String cluster : poolsByCluster.keySet()) {
      all.addAll(log.recent(cluster, limit));
    }
    all.sort(Comparator.comparing(ScalingEvent::occurredAt).reversed());
    return all.stream().limit(limit).map(Decision::of).toList();
  }

  /** Orders nodes of a pool by hand; returns how many. */
  public int scaleUp(String pool, int nodes, String who) {
    if (nodes < 1) {
      throw ApiException.badRequest("nodes", "nodes must be at least 1");
    }
    try {
      return autoscalerOf(pool).scaleUpManually(pool, nodes, who);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("nodes", e.getMessage());
    }
  }

  /**
   * Brings a pool to {@code nodes} machines by hand (the {@code containerScale} step): orders the
   * missing ones or cordons the surplus for the autoscaler to drain and terminate.
   */
  public PoolResize resize(String pool, int nodes, String who) {
    try {
      return autoscalerOf(pool).resize(pool, nodes, who);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("nodes", e.getMessage());
    }
  }

  /**
   * What {@code pool} still lacks to have exactly {@code nodes} Ready nodes, none coming or
   * leaving, at the autoscaler's last run; null once it has them.
   */
  public String waitingFor(String pool, int nodes) {
    ScalingStatus.PoolView view =
        autoscalerOf(pool).status().pools().stream()
            .filter(p -> p.name().equals(pool))
            .findFirst()
            .orElse(null);
    return PoolResize.waitingFor(view, nodes);
  }

  /** The cluster a pool's nodes join, if the pool is configured. */
  public java.util.Optional<String> clusterOf(String pool) {
    return poolsByCluster.values().stream()
        .flatMap(List::stream)
        .filter(p -> p.name().equals(pool))
        .map(NodePool::cluster)
        .findFirst();
  }

  /** Drains and removes one node of a pool by hand. */
  public void scaleDown(String pool, String node, String who) {
    try {
      autoscalerOf(pool).scaleDownManually(pool, node, who);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("node", e.getMessage());
    }
  }

  /**
   * Starts a rolling upgrade of a pool: its nodes of an older template or bootstrap are replaced
   * one at a time (one surge node, then the drain of an old one). Asking again while it runs
   * changes nothing.
   */
  public Autoscaler.Upgrade upgrade(String pool, String who) {
    try {
      return autoscalerOf(pool).upgrade(pool, who);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("pool", e.getMessage());
    }
  }

  /** The names of the pools of {@code cluster}. */
  public List<String> pools(String cluster) {
    return poolsByCluster.getOrDefault(cluster, List.of()).stream().map(NodePool::name).toList();
  }

  /** Machines of a pool in {@code state} (ready, upcoming, draining) at the last run. */
  public synchronized int nodes(String cluster, String pool, String state) {
    Autoscaler a = running.get(cluster);
    if (a == null) {
      return 0;
    }
    return a.status().pools().stream()
        .filter(p -> p.name().equals(pool))
        .mapToInt(
            p ->
                switch (state) {
                  case "ready" -> p.ready();
                  case "upcoming" -> p.upcoming();
                  default -> p.draining();
                })
        .sum();
  }

  /** Provider errors of all autoscalers, by error code. */
  public synchronized Map<String, Long> providerErrors() {
    Map<String, Long> all = new HashMap<>();
    running.values().forEach(a -> a.providerErrors().forEach((k, v) -> all.merge(k, v, Long::sum)));
    return all;
  }

  /** The latest scale-up's latency from the first pending pod seen to the provider call. */
  public synchronized Duration lastScaleUpLatency() {
    Duration last = Duration.ZERO;
    for (Autoscaler a : running.values()) {
      List<Duration> all = a.scaleUpLatencies();
      if (!all.isEmpty()) {
        last = all.get(all.size() - 1);
      }
    }
    return last;
  }

  /** The running autoscalers, for metrics. */
  public synchronized List<Autoscaler> autoscalers() {
    return List.copyOf(running.values());
  }

  private synchronized Autoscaler autoscalerOf(String pool) {
    for (Map.Entry<String, List<NodePool>> e : poolsByCluster.entrySet()) {
      if (e.getValue().stream().anyMatch(p -> p.name().equals(pool))) {
        Autoscaler a = running.get(e.getKey());
        Leadership l = leadership.get();
        if (a == null && !l.leading()) {
          throw new ApiException(
              503,
              "this replica ("
                  + l.identity()
                  + ") does not run the autoscalers; the leader "
                  + (l.leader() == null ? "is not known yet" : "is " + l.leader())
                  + ": send the request to it",
              null);
        }
        if (a == null) {
          throw new ApiException(
              503,
              "the autoscaler of cluster "
                  + e.getKey()
                  + " has not started: its cluster is not connected yet",
              null);
        }
        return a;
      }
    }
    throw ApiException.notFound("no node pool " + pool + " is configured");
  }

  private static ScheduledExecutorService daemonScheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  @Override
  public void close() {
    stop();
    sampler.shutdownNow();
  }
}
