package io.jenkins.plugins.containercloud.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containercloud.api.DashboardJson.ClusterEntry;
import io.jenkins.plugins.containercloud.api.DashboardJson.LastRollout;
import io.jenkins.plugins.containercloud.api.DashboardJson.WorkloadView;
import io.jenkins.plugins.containercloud.events.LiveEvents;
import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.HistoryQuery;
import io.jenkins.plugins.containercloud.history.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's façade, the same in both hosts: the configured clusters and their views, the
 * history, the live rollouts and the live event stream. Hosts check who may do what, turn requests
 * into calls here and write the answers with {@link DashboardJson#MAPPER}.
 */
public final class Dashboard implements AutoCloseable {

  /** How often a changed cluster is announced on the stream at most. */
  static final Duration CLUSTER_EVENT_INTERVAL = Duration.ofMillis(500);

  /** How stale the Workloads page's "last rollout" may be. */
  static final Duration LAST_ROLLOUTS_TTL = Duration.ofSeconds(2);

  /** How many events the stream keeps for clients that reconnect. */
  static final int STREAM_BUFFER = 1000;

  private final Map<String, DashboardCluster> clusters = new LinkedHashMap<>();
  private final Deployments deployments;
  private final LiveEvents stream = new LiveEvents(STREAM_BUFFER);
  private final ScheduledExecutorService scheduler;
  private final ExecutorService rolloutWorkers;
  private final LiveRollouts rollouts;
  private final Map<String, Set<String>> pendingChanges = new HashMap<>();
  private final Map<String, CachedRecords> lastRollouts = new HashMap<>();
  private final Set<String> refreshing = new java.util.HashSet<>();

  public Dashboard(List<DashboardCluster> clusters, Deployments deployments, Clock clock) {
    clusters.forEach(c -> this.clusters.put(c.name(), c));
    this.deployments = deployments;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(daemon("container-cloud-dashboard"));
    this.rolloutWorkers = Executors.newCachedThreadPool(daemon("container-cloud-rollout"));
    this.rollouts =
        new LiveRollouts(deployments, n -> cluster(n).cluster(), stream, rolloutWorkers, clock);
  }

  /** Connects every cluster in the background and keeps retrying those that fail. */
  public void start() {
    for (DashboardCluster cluster : clusters.values()) {
      scheduler.scheduleWithFixedDelay(
          () -> cluster.connect(kind -> changed(cluster.name(), kind)),
          0,
          DashboardCluster.RETRY_AFTER.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Whether every cluster has been tried once: the server is ready to answer usefully. */
  public boolean ready() {
    return clusters.values().stream().allMatch(DashboardCluster::attempted);
  }

  public List<ClusterEntry> clusters() {
    return clusters.values().stream().map(DashboardCluster::entry).toList();
  }

  /**
   * A configured cluster.
   *
   * @throws ApiException 404 for a name that is not configured
   */
  public DashboardCluster cluster(String name) {
    DashboardCluster cluster = clusters.get(name);
    if (cluster == null) {
      throw ApiException.notFound(
          "no cluster named '" + name + "'; configured: " + String.join(", ", clusters.keySet()));
    }
    return cluster;
  }

  /** The cluster's workloads (one namespace, or null for all) with their last recorded rollout. */
  public List<WorkloadView> workloads(String cluster, String namespace) {
    List<WorkloadView> workloads = cluster(cluster).views().workloads(namespace);
    Map<String, DeploymentRecord> last = new HashMap<>();
    for (DeploymentRecord record :
        deployments.history(
            HistoryQuery.all()
                .withCluster(cluster)
                .withNamespace(namespace)
                .withLimit(HistoryQuery.MAX_LIMIT))) {
      last.putIfAbsent(record.namespace() + "/" + record.kind() + "/" + record.name(), record);
    }
    List<WorkloadView> joined = new ArrayList<>(workloads.size());
    for (WorkloadView w : workloads) {
      DeploymentRecord record = last.get(w.namespace() + "/" + w.kind() + "/" + w.name());
      joined.add(
          record == null
              ? w
              : new WorkloadView(
                  w.kind(),
                  w.namespace(),
                  w.name(),
                  w.desired(),
                  w.current(),
                  w.ready(),
                  w.available(),
                  w.updated(),
                  w.images(),
                  w.health(),
                  w.healthReason(),
                  w.owner(),
                  w.createdAt(),
                  new LastRollout(
                      record.id(),
                      record.outcome().name(),
                      record.startedAt().toString(),
                      record.imageAfter())));
    }
    return joined;
  }

  /**
   * The newest record of each workload of the cluster ({@code namespace/Kind/name}), read from the
   * history at most every {@link #LAST_ROLLOUTS_TTL}: the Workloads page is refreshed on every
   * change of the cluster, and the history changes far less often.
   */
  private Map<String, DeploymentRecord> lastRollouts(String cluster) {
    long now = System.nanoTime();
    synchronized (lastRollouts) {
      CachedRecords cached = lastRollouts.get(cluster);
      if (cached != null
          && (now - cached.readAt() < LAST_ROLLOUTS_TTL.toNanos() || !refreshing.add(cluster))) {
        // Fresh, or another request is reading the history now: this one answers with what is
        // here rather than queueing for the embedded database's turns behind it.
        return cached.byWorkload();
      }
      refreshing.add(cluster);
    }
    try {
      Map<String, DeploymentRecord> last = new HashMap<>();
      for (DeploymentRecord record :
          deployments.history(
              HistoryQuery.all().withCluster(cluster).withLimit(HistoryQuery.MAX_LIMIT))) {
        last.putIfAbsent(record.namespace() + "/" + record.kind() + "/" + record.name(), record);
      }
      synchronized (lastRollouts) {
        lastRollouts.put(cluster, new CachedRecords(now, last));
      }
      return last;
    } finally {
      synchronized (lastRollouts) {
        refreshing.remove(cluster);
      }
    }
  }

  /** The newest records by workload, and when they were read. */
  private record CachedRecords(long readAt, Map<String, DeploymentRecord> byWorkload) {}

  /**
   * Recorded deployments, newest first, filtered; {@code trigger} is {@code build}, {@code
   * webhook}, {@code user} or {@code cli}.
   *
   * @throws ApiException naming a filter that is not valid
   */
  public ArrayNode history(
      String cluster,
      String namespace,
      String kind,
      String name,
      String outcome,
      String trigger,
      Integer limit) {
    HistoryQuery query = HistoryQuery.all();
    int wanted = limit == null ? HistoryQuery.DEFAULT_LIMIT : limit;
    if (wanted < 1 || wanted > HistoryQuery.MAX_LIMIT) {
      throw ApiException.badRequest(
          "limit", "limit: give 1 to " + HistoryQuery.MAX_LIMIT + ", was " + wanted);
    }
    query =
        query
            .withCluster(blankToNull(cluster))
            .withNamespace(blankToNull(namespace))
            .withKind(blankToNull(kind))
            .withName(blankToNull(name));
    if (blankToNull(outcome) != null) {
      try {
        query = query.withOutcome(Outcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(
            "outcome", "outcome: '" + outcome + "' is not one of " + List.of(Outcome.values()));
      }
    }
    String triggerType = blankToNull(trigger);
    if (triggerType != null
        && !List.of("build", "webhook", "user", "cli")
            .contains(triggerType.toLowerCase(Locale.ROOT))) {
      throw ApiException.badRequest(
          "trigger", "trigger: '" + trigger + "' is not one of build, webhook, user, cli");
    }
    // The store filters by everything but the trigger; that one is filtered here, from a wider
    // read.
    query = query.withLimit(triggerType == null ? wanted : HistoryQuery.MAX_LIMIT);
    ArrayNode result = DashboardJson.MAPPER.createArrayNode();
    for (DeploymentRecord record : deployments.history(query)) {
      if (triggerType != null && !record.trigger().type().name().equalsIgnoreCase(triggerType)) {
        continue;
      }
      if (result.size() < wanted) {
        result.add(JsonViews.record(record));
      }
    }
    return result;
  }

  /** One recorded deployment with its events. */
  public ObjectNode deployment(String id) {
    DeploymentRecord record;
    try {
      record = deployments.find(id).orElse(null);
    } catch (IllegalArgumentException e) {
      record = null;
    }
    if (record == null) {
      throw ApiException.notFound("no deployment " + id + " in the history");
    }
    ObjectNode node = DashboardJson.MAPPER.createObjectNode();
    node.set("deployment", JsonViews.record(record));
    node.set("events", JsonViews.events(deployments.events(id)));
    return node;
  }

  public LiveRollouts rollouts() {
    return rollouts;
  }

  public LiveEvents stream() {
    return stream;
  }

  /** Gathers a cluster's changes and announces them once per {@link #CLUSTER_EVENT_INTERVAL}. */
  private void changed(String cluster, String kind) {
    synchronized (pendingChanges) {
      Set<String> kinds = pendingChanges.get(cluster);
      if (kinds != null) {
        kinds.add(kind);
        return;
      }
      kinds = new TreeSet<>();
      kinds.add(kind);
      pendingChanges.put(cluster, kinds);
    }
    scheduler.schedule(
        () -> announce(cluster), CLUSTER_EVENT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void announce(String cluster) {
    Set<String> kinds;
    synchronized (pendingChanges) {
      kinds = pendingChanges.remove(cluster);
    }
    if (kinds == null) {
      return;
    }
    ObjectNode data = DashboardJson.MAPPER.createObjectNode();
    data.put("cluster", cluster);
    ArrayNode array = data.putArray("kinds");
    kinds.forEach(array::add);
    try {
      stream.publish("cluster", DashboardJson.MAPPER.writeValueAsString(data));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    rolloutWorkers.shutdownNow();
    try {
      // Interrupted rollouts roll back and record that; give them the time a rollback takes.
      rolloutWorkers.awaitTermination(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    clusters.values().forEach(DashboardCluster::close);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
