package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.cluster.ClusterState;
import io.jenkins.plugins.containercloud.cluster.PodResources;
import io.jenkins.plugins.containercloud.history.ScalingEvent;
import io.jenkins.plugins.containercloud.scale.PoolMachines.Placed;
import io.jenkins.plugins.containercloud.scale.ScalePlan.ScaleUp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node-pool autoscaler of one cluster. The cluster's informers wake it: a pod that turns
 * Unschedulable starts a decision after a short debounce that gathers a burst into one. A periodic
 * run also retires machines (garbage collection of those that never became Ready nodes, scale-in of
 * unneeded nodes by cordon, drain and delete). Every decision and every step of a machine's life is
 * written to the {@link ScalingLog} first; a scale-up is recorded before its provider call, and one
 * left unfinished by a crash is repeated with the same idempotency key on start.
 */
public final class Autoscaler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Autoscaler.class);

  /** How long a pool refused for capacity or limits is left alone (Karpenter's 3 minutes). */
  static final Duration UNAVAILABLE_FOR = Duration.ofMinutes(3);

  /** Timings of the loop. */
  public record Timing(Duration debounce, Duration period) {
    public static final Timing DEFAULT = new Timing(Duration.ofMillis(200), Duration.ofSeconds(10));
  }

  private final String cluster;
  private final ClusterState state;
  private final KubernetesClient client;
  private final Map<String, NodePool> pools = new LinkedHashMap<>();
  private final Map<String, NodeProvider> providers;
  private final ScalingLog log;
  private final Clock clock;
  private final Timing timing;
  private final NodeDrain drain;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean checkScheduled = new AtomicBoolean();
  private final Consumer<String> listener = this::changed;
  private final Map<String, Instant> unneededSince = new HashMap<>();
  private final Map<String, Unavailable> unavailable = new ConcurrentHashMap<>();
  private final Set<String> joined = new HashSet<>();
  private final Map<String, AtomicLong> providerErrors = new ConcurrentHashMap<>();
  private final List<Duration> scaleUpLatencies = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicLong providerCalls = new AtomicLong();
  private volatile Set<String> lastPlanned = Set.of();

  /** The template revision each machine was ordered with, from the decision log. */
  private final Map<String, String> revisions = new ConcurrentHashMap<>();

  /** The rolling upgrades under way, by pool. */
  private final Map<String, RollingUpgrade> upgrades = new ConcurrentHashMap<>();

  /** The node each upgrade cordoned last, until the informers show it draining. */
  private final Map<String, String> upgradeCordoned = new ConcurrentHashMap<>();

  /** When this autoscaler first saw each pending pod (namespace/name): scale-up latency. */
  private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

  private volatile ScalingStatus status = ScalingStatus.NONE;
  private String lastUnhelped = "";
  private boolean resumed;

  private record Unavailable(Instant until, String because) {}

  /**
   * A rolling upgrade of {@code pool} to template {@code revision}: {@code outdated} of its {@code
   * nodes} Ready nodes are to be replaced; {@code alreadyRunning} when it had been started before.
   */
  public record Upgrade(
      String pool, String revision, int nodes, int outdated, boolean alreadyRunning) {}

  public Autoscaler(
      String cluster,
      ClusterState state,
      KubernetesClient client,
      List<NodePool> pools,
      Map<String, NodeProvider> providers,
      ScalingLog log,
      Clock clock,
      Timing timing) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.state = state;
    this.client = client;
    for (NodePool p : pools) {
      if (!p.cluster().equals(cluster)) {
        throw new IllegalArgumentException(
            "pool " + p.name() + " belongs to cluster " + p.cluster() + ", not " + cluster);
      }
      this.pools.put(p.name(), p);
    }
    this.providers = Map.copyOf(providers);
    this.log = log;
    this.clock = clock;
    this.timing = timing;
    this.drain = new NodeDrain(client);
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "autoscaler-" + cluster);
              t.setDaemon(true);
              return t;
            });
  }

  /** Listens to the informers and starts the periodic run. */
  public void start() {
    state.addListener(listener);
    executor.scheduleWithFixedDelay(
        this::runSafely, 0, timing.period().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The pools this autoscaler manages. */
  public List<NodePool> pools() {
    return List.copyOf(pools.values());
  }

  /** What the last run saw. */
  public ScalingStatus status() {
    return status;
  }

  /** Provider errors so far, by error code. */
  public Map<String, Long> providerErrors() {
    Map<String, Long> copy = new HashMap<>();
    providerErrors.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  /** From the first pending pod seen to the provider call, for each scale-up so far. */
  public List<Duration> scaleUpLatencies() {
    return List.copyOf(scaleUpLatencies);
  }

  /** The newest recorded decisions and steps. */
  public List<ScalingEvent> decisions(int limit) {
    return log.recent(cluster, limit);
  }

  private void changed(String kind) {
    if (("pods".equals(kind) || "nodes".equals(kind))
        && checkScheduled.compareAndSet(false, true)) {
      executor.schedule(this::check, timing.debounce().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** After a watch event: a full run only when the set of unschedulable pods changed. */
  private void check() {
    checkScheduled.set(false);
    Set<String> pending = new TreeSet<>();
    for (Pod pod : state.pods()) {
      if (NodeFacts.unschedulable(pod)) {
        pending.add(NodeFacts.key(pod));
      }
    }
    seen(pending, clock.instant());
    if (pending.isEmpty()) {
      lastPlanned = Set.of();
      return;
    }
    if (!pending.equals(lastPlanned)) {
      runSafely();
    }
  }

  /** Notes when each pending pod was first seen; forgets pods no longer pending. */
  private void seen(Set<String> pending, Instant now) {
    firstSeen.keySet().retainAll(pending);
    pending.forEach(p -> firstSeen.putIfAbsent(p, now));
  }

  /** Runs one decision now, on the autoscaler's thread, and waits for it. */
  public void runNow() {
    try {
      executor.submit(this::runSafely).get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("the autoscaler's run failed: " + e.getMessage(), e);
    }
  }

  private void runSafely() {
    try {
      run();
    } catch (RuntimeException e) {
      LOG.warn("autoscaler run for cluster {} failed: {}", cluster, e.getMessage(), e);
    }
  }

  private void run() {
    Instant now = clock.instant();
    resumeOnce(now);
    List<Node> nodes = state.nodes();
    List<Pod> pods = state.pods();
    Map<String, PoolMachines> machines = new LinkedHashMap<>();
    for (NodePool pool : pools.values()) {
      try {
        machines.put(
            pool.name(), PoolMachines.match(pool, provider(pool).listOwned(pool.name()), nodes));
      } catch (ProviderException e) {
        count(e);
        LOG.warn("cannot list the machines of pool {}: {}", pool.name(), e.getMessage());
      }
    }
    machines.values().forEach(m -> lifecycle(m, now));
    List<PodDemand> pending = new ArrayList<>();
    Set<String> pendingKeys = new TreeSet<>();
    for (Pod pod : pods) {
      if (NodeFacts.unschedulable(pod)) {
        pending.add(PodDemand.of(pod));
        pendingKeys.add(NodeFacts.key(pod));
      }
    }
    seen(pendingKeys, now);
    ScalePlan plan = scaleUp(machines, pending, usedByNode(pods), now);
    lastPlanned = pendingKeys;
    scaleDown(machines, nodes, pods, pending.isEmpty(), now);
    machines.values().forEach(m -> upgradeStep(m, now));
    status =
        StatusViews.of(
            now,
            machines,
            plan,
            this::unavailableBecause,
            pool -> upgrades.containsKey(pool) ? TemplateRevision.of(pools.get(pool)) : null,
            providerCalls.get());
  }

  private NodeProvider provider(NodePool pool) {
    return providers.get(pool.name());
  }

  private String unavailableBecause(String pool) {
    Unavailable u = unavailable.get(pool);
    if (u == null) {
      return null;
    }
    if (!clock.instant().isBefore(u.until())) {
      unavailable.remove(pool);
      return null;
    }
    return u.because();
  }

  private void resumeOnce(Instant now) {
    if (!resumed) {
      resumeUnfinished(now);
      resumed = true;
    }
  }

  private void resumeUnfinished(Instant now) {
    for (ScalingEvent ordered : log.ofType(cluster, ScalingEvents.MACHINE_ORDERED)) {
      String reason = ordered.reason();
      if (ordered.machineId() != null
          && reason != null
          && reason.startsWith(ScalingEvents.REVISION_REASON)) {
        revisions.put(
            ordered.machineId(), reason.substring(ScalingEvents.REVISION_REASON.length()));
      }
    }
    Set<String> finished = new HashSet<>();
    log.ofType(cluster, ScalingEvents.UPGRADE_FINISHED).forEach(e -> finished.add(e.requestKey()));
    for (ScalingEvent started : log.ofType(cluster, ScalingEvents.UPGRADE_STARTED)) {
      if (pools.containsKey(started.pool()) && !finished.contains(started.requestKey())) {
        LOG.info("continuing the rolling upgrade of pool {}", started.pool());
        upgrades.put(started.pool(), new RollingUpgrade(started.requestKey(), started.nodes()));
      }
    }
    for (ScalingEvent requested : log.unfinishedScaleUps(cluster)) {
      NodePool pool = pools.get(requested.pool());
      if (pool == null) {
        continue;
      }
      LOG.info(
          "repeating scale-up {} of pool {} left unfinished", requested.requestKey(), pool.name());
      order(pool, requested.nodes(), requested.requestKey(), now);
    }
  }

  private void lifecycle(PoolMachines pool, Instant now) {
    NodePool p = pool.pool();
    for (Placed placed : pool.machines()) {
      Machine m = placed.machine();
      if (placed.ready()) {
        if (joined.add(m.id())) {
          Duration took = m.createdAt() == null ? null : Duration.between(m.createdAt(), now);
          var e =
              ScalingEvents.once(ScalingEvents.MACHINE_JOINED, m.id(), p, now)
                  .machine(m.id())
                  .node(placed.node().getMetadata().getName())
                  .nodes(1)
                  .reason("its node is Ready");
          log.record((took == null ? e : e.took(took)).build());
        }
        continue;
      }
      boolean gone = placed.node() == null && joined.contains(m.id());
      boolean late =
          m.createdAt() != null
              && Duration.between(m.createdAt(), now).compareTo(p.maxProvisionTime()) > 0;
      if (gone || (late && placed.node() == null) || (late && !NodeFacts.draining(placed.node()))) {
        String why =
            gone
                ? "its node is gone"
                : "not a Ready node within the maximum provision time of " + p.maxProvisionTime();
        if (placed.node() != null) {
          client.nodes().withName(placed.node().getMetadata().getName()).delete();
        }
        terminate(p, m, ScalingEvents.MACHINE_COLLECTED, why, now);
      }
    }
  }

  private void terminate(NodePool pool, Machine m, String type, String why, Instant now) {
    try {
      providerCalls.incrementAndGet();
      provider(pool).delete(m.id());
      joined.remove(m.id());
      revisions.remove(m.id());
      log.record(
          ScalingEvents.once(type, m.id(), pool, now).machine(m.id()).nodes(1).reason(why).build());
    } catch (ProviderException e) {
      count(e);
      LOG.warn("cannot terminate machine {} of pool {}: {}", m.id(), pool.name(), e.getMessage());
    }
  }

  private static Map<String, Resources> usedByNode(List<Pod> pods) {
    Map<String, Resources> used = new HashMap<>();
    for (Pod pod : pods) {
      if (PodResources.occupiesNode(pod)) {
        Resources r = new Resources(PodResources.cpuMillis(pod), PodResources.memoryBytes(pod), 1);
        used.merge(pod.getSpec().getNodeName(), r, Resources::plus);
      }
    }
    return used;
  }

  private ScalePlan scaleUp(
      Map<String, PoolMachines> machines,
      List<PodDemand> pending,
      Map<String, Resources> used,
      Instant now) {
    Map<String, Integer> ordered = new HashMap<>();
    ScalePlan plan = null;
    for (int attempt = 0; attempt <= pools.size(); attempt++) {
      Map<String, PoolStatus> statuses = new HashMap<>();
      List<NodePool> known = new ArrayList<>();
      for (NodePool pool : pools.values()) {
        PoolMachines m = machines.get(pool.name());
        if (m == null) {
          continue; // its provider did not answer: neither counted nor ordered from this run
        }
        known.add(pool);
        PoolStatus s = m.status(unavailableBecause(pool.name()), used);
        statuses.put(
            pool.name(),
            new PoolStatus(
                s.ready(),
                s.upcoming() + ordered.getOrDefault(pool.name(), 0),
                s.unavailableBecause(),
                s.readyUsed()));
      }
      plan = ScalePlanner.plan(known, statuses, pending);
      boolean refused = false;
      for (ScaleUp up : plan.scaleUps()) {
        NodePool pool = pools.get(up.pool());
        String key = CreateRequest.newKey(pool);
        log.record(
            ScalingEvents.event(ScalingEvents.SCALE_UP_REQUESTED, pool, now)
                .key(key)
                .nodes(up.nodes())
                .pods(up.pods())
                .reason(up.reason())
                .build());
        up.pods().stream()
            .map(firstSeen::get)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .ifPresent(first -> scaleUpLatencies.add(Duration.between(first, clock.instant())));
        if (order(pool, up.nodes(), key, now)) {
          ordered.merge(pool.name(), up.nodes(), Integer::sum);
        } else if (unavailable.containsKey(pool.name())) {
          refused = true;
        }
      }
      if (!refused) {
        break;
      }
    }
    recordUnhelped(plan, now);
    return plan;
  }

  /** Calls the provider for a recorded scale-up; records its end. Whether machines were made. */
  private boolean order(NodePool pool, int count, String key, Instant now) {
    Instant start = clock.instant();
    try {
      providerCalls.incrementAndGet();
      String revision = TemplateRevision.of(pool);
      List<Machine> made =
          provider(pool).create(new CreateRequest(pool, count, key, pool.bootstrap().render(pool)));
      for (Machine m : made) {
        revisions.put(m.id(), revision);
        log.record(
            ScalingEvents.once(ScalingEvents.MACHINE_ORDERED, m.id(), pool, clock.instant())
                .key(key)
                .machine(m.id())
                .nodes(1)
                .reason(ScalingEvents.REVISION_REASON + revision)
                .build());
      }
      log.record(
          ScalingEvents.event(ScalingEvents.SCALE_UP_CREATED, pool, clock.instant())
              .key(key)
              .nodes(made.size())
              .reason("machines " + made.stream().map(Machine::id).collect(Collectors.joining(",")))
              .took(Duration.between(start, clock.instant()))
              .build());
      return true;
    } catch (ProviderException e) {
      count(e);
      LOG.warn("scale-up {} of pool {} failed: {}", key, pool.name(), e.getMessage());
      log.record(
          ScalingEvents.event(ScalingEvents.SCALE_UP_FAILED, pool, clock.instant())
              .key(key)
              .nodes(count)
              .reason(e.kind() + " " + e.code() + ": " + e.getMessage())
              .took(Duration.between(start, clock.instant()))
              .build());
      if (e.kind() == ProviderException.Kind.CAPACITY) {
        unavailable.put(pool.name(), new Unavailable(now.plus(UNAVAILABLE_FOR), e.code()));
        log.record(
            ScalingEvents.event(ScalingEvents.POOL_UNAVAILABLE, pool, now)
                .reason(
                    e.code() + ": left alone for " + UNAVAILABLE_FOR + ", other pools are tried")
                .build());
      }
      return false;
    } catch (RuntimeException e) {
      // Settings or secrets that cannot be read: a decision that failed, recorded as such.
      LOG.warn("scale-up {} of pool {} failed: {}", key, pool.name(), e.toString());
      log.record(
          ScalingEvents.event(ScalingEvents.SCALE_UP_FAILED, pool, clock.instant())
              .key(key)
              .nodes(count)
              .reason(e.getMessage())
              .build());
      return false;
    }
  }

  private void recordUnhelped(ScalePlan plan, Instant now) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (ScalePlan.Unhelped u : plan.unhelped()) {
      byReason.computeIfAbsent(u.why() + ": " + u.message(), k -> new ArrayList<>()).add(u.pod());
    }
    String signature = byReason.toString();
    if (signature.equals(lastUnhelped)) {
      return;
    }
    lastUnhelped = signature;
    NodePool any = pools.values().iterator().next();
    byReason.forEach(
        (reason, pods) ->
            log.record(
                ScalingEvents.event(ScalingEvents.NO_SCALE_UP, any, now)
                    .pods(pods)
                    .reason(reason)
                    .build()));
  }

  private void scaleDown(
      Map<String, PoolMachines> machines,
      List<Node> nodes,
      List<Pod> pods,
      boolean nothingPending,
      Instant now) {
    ScaleDownCheck check = new ScaleDownCheck(nodes, pods);
    for (PoolMachines pool : machines.values()) {
      NodePool p = pool.pool();
      int ready = 0;
      boolean startedOne = false;
      for (Placed placed : pool.machines()) {
        if (placed.node() != null && NodeFacts.draining(placed.node())) {
          continueDrain(p, placed, check, now);
        } else if (placed.ready()) {
          ready++;
        }
      }
      if (upgrades.containsKey(p.name())) {
        continue; // the upgrade's surge node is not unneeded; the upgrade drains old nodes itself
      }
      for (Placed placed : pool.machines()) {
        if (!placed.ready() || NodeFacts.draining(placed.node())) {
          continue;
        }
        String name = placed.node().getMetadata().getName();
        ScaleDownCheck.Verdict verdict = check.check(placed.node(), p);
        if (!verdict.unneeded() || !nothingPending) {
          unneededSince.remove(name);
          continue;
        }
        Instant since = unneededSince.computeIfAbsent(name, n -> now);
        if (startedOne
            || ready <= p.min()
            || Duration.between(since, now).compareTo(p.scaleDownDelay()) < 0) {
          continue;
        }
        drain.cordon(placed.node(), now);
        unneededSince.remove(name);
        startedOne = true;
        ready--;
        log.record(
            ScalingEvents.once(
                    ScalingEvents.NODE_CORDONED, name + "/" + placed.machine().id(), p, now)
                .machine(placed.machine().id())
                .node(name)
                .nodes(1)
                .reason(
                    "unneeded for "
                        + Duration.between(since, now).toSeconds()
                        + " s: "
                        + verdict.reason())
                .build());
      }
    }
  }

  private void continueDrain(NodePool pool, Placed placed, ScaleDownCheck check, Instant now) {
    String name = placed.node().getMetadata().getName();
    String subject = name + "/" + placed.machine().id();
    List<Pod> movable = check.movable(name);
    NodeDrain.Step step = drain.step(movable);
    if (!step.done()) {
      if (!step.refused().isEmpty()) {
        log.record(
            ScalingEvents.once(
                    ScalingEvents.SCALE_DOWN_BLOCKED, subject + "/" + step.refused(), pool, now)
                .machine(placed.machine().id())
                .node(name)
                .pods(step.refused())
                .reason("eviction refused (a PodDisruptionBudget): the drain waits and tries again")
                .build());
      }
      return;
    }
    log.record(
        ScalingEvents.once(ScalingEvents.NODE_DRAINED, subject, pool, now)
            .machine(placed.machine().id())
            .node(name)
            .nodes(1)
            .reason("no pods left but DaemonSet and static ones")
            .build());
    client.nodes().withName(name).delete();
    log.record(
        ScalingEvents.once(ScalingEvents.NODE_DELETED, subject, pool, now)
            .machine(placed.machine().id())
            .node(name)
            .nodes(1)
            .reason("drained")
            .build());
    joined.remove(placed.machine().id());
    String oldRevision = revisions.get(placed.machine().id());
    terminate(
        pool,
        placed.machine(),
        ScalingEvents.MACHINE_TERMINATED,
        "its node was drained and deleted",
        now);
    RollingUpgrade upgrade = upgrades.get(pool.name());
    String revision = TemplateRevision.of(pool);
    if (upgrade != null && !revision.equals(oldRevision)) {
      log.record(
          ScalingEvents.once(ScalingEvents.UPGRADE_NODE_REPLACED, subject, pool, now)
              .key(upgrade.key())
              .machine(placed.machine().id())
              .node(name)
              .nodes(1)
              .reason(
                  "revision "
                      + (oldRevision == null ? "unknown" : oldRevision)
                      + " replaced by "
                      + revision)
              .build());
    }
  }

  /** One step of the rolling upgrade of this pool, if one runs. */
  private void upgradeStep(PoolMachines machines, Instant now) {
    NodePool pool = machines.pool();
    RollingUpgrade upgrade = upgrades.get(pool.name());
    if (upgrade == null) {
      return;
    }
    String cordoned = upgradeCordoned.get(pool.name());
    if (cordoned != null) {
      boolean seen =
          machines.machines().stream()
              .noneMatch(
                  p ->
                      p.node() != null
                          && p.node().getMetadata().getName().equals(cordoned)
                          && !NodeFacts.draining(p.node()));
      if (!seen) {
        return; // the informers do not show the cordon yet: another node must not follow it
      }
      upgradeCordoned.remove(pool.name());
    }
    String revision = TemplateRevision.of(pool);
    switch (upgrade.next(machines, revisions, revision)) {
      case RollingUpgrade.Finish f -> {
        log.record(
            ScalingEvents.once(ScalingEvents.UPGRADE_FINISHED, upgrade.key(), pool, now)
                .key(upgrade.key())
                .reason("every Ready node is at template revision " + revision)
                .build());
        upgrades.remove(pool.name());
      }
      case RollingUpgrade.Wait w -> LOG.debug("upgrade of pool {} waits: {}", pool.name(), w.why());
      case RollingUpgrade.Surge s -> {
        String key = CreateRequest.newKey(pool);
        log.record(
            ScalingEvents.event(ScalingEvents.SCALE_UP_REQUESTED, pool, now)
                .key(key)
                .nodes(1)
                .reason("rolling upgrade to template revision " + revision + ": one surge node")
                .build());
        order(pool, 1, key, now);
      }
      case RollingUpgrade.Replace r -> {
        String name = r.old().node().getMetadata().getName();
        drain.cordon(r.old().node(), now);
        upgradeCordoned.put(pool.name(), name);
        log.record(
            ScalingEvents.once(
                    ScalingEvents.NODE_CORDONED, name + "/" + r.old().machine().id(), pool, now)
                .key(upgrade.key())
                .machine(r.old().machine().id())
                .node(name)
                .nodes(1)
                .reason(
                    "rolling upgrade: revision "
                        + revisions.getOrDefault(r.old().machine().id(), "unknown")
                        + " is replaced by "
                        + revision)
                .build());
      }
    }
  }

  /**
   * Starts a rolling upgrade of {@code pool} (the command line's {@code scale upgrade}): its Ready
   * nodes of another template revision are replaced one at a time, a surge node first. Recorded
   * before it runs, so that a restarted autoscaler continues it.
   */
  public Upgrade upgrade(String poolName, String who) {
    NodePool pool = requirePool(poolName);
    return call(
        () -> {
          Instant now = clock.instant();
          resumeOnce(now);
          String revision = TemplateRevision.of(pool);
          PoolMachines machines =
              PoolMachines.match(pool, provider(pool).listOwned(pool.name()), state.nodes());
          List<Placed> ready =
              machines.machines().stream()
                  .filter(p -> p.ready() && !NodeFacts.draining(p.node()))
                  .toList();
          int outdated =
              (int)
                  ready.stream()
                      .filter(p -> !revision.equals(revisions.get(p.machine().id())))
                      .count();
          boolean running = upgrades.containsKey(pool.name());
          if (!running) {
            String key = CreateRequest.newKey(pool);
            log.record(
                ScalingEvents.event(ScalingEvents.UPGRADE_STARTED, pool, now)
                    .key(key)
                    .nodes(ready.size())
                    .reason(
                        "asked for by "
                            + who
                            + ": "
                            + outdated
                            + " of "
                            + ready.size()
                            + " Ready nodes to template revision "
                            + revision)
                    .build());
            upgrades.put(pool.name(), new RollingUpgrade(key, ready.size()));
            executor.execute(this::runSafely);
          }
          return new Upgrade(pool.name(), revision, ready.size(), outdated, running);
        });
  }

  /** The pools whose rolling upgrade is under way. */
  public Set<String> upgrading() {
    return Set.copyOf(upgrades.keySet());
  }

  /**
   * Orders {@code nodes} machines of {@code pool} now (the command line's {@code scale up}), within
   * its maximum; recorded like any decision. Returns how many were ordered.
   */
  public int scaleUpManually(String poolName, int nodes, String who) {
    NodePool pool = requirePool(poolName);
    return call(
        () -> {
          Instant now = clock.instant();
          int have = provider(pool).listOwned(pool.name()).size();
          int count = Math.min(nodes, pool.max() - have);
          if (count <= 0) {
            throw new IllegalArgumentException(
                "pool " + pool.name() + " has " + have + " machines, its maximum is " + pool.max());
          }
          String key = CreateRequest.newKey(pool);
          log.record(
              ScalingEvents.event(ScalingEvents.SCALE_UP_REQUESTED, pool, now)
                  .key(key)
                  .nodes(count)
                  .reason("asked for by " + who)
                  .build());
          order(pool, count, key, now);
          return count;
        });
  }

  /**
   * Brings {@code pool} to {@code target} machines by hand (the {@code containerScale} step):
   * orders the missing ones, or cordons the Ready nodes with the fewest pods for the autoscaler to
   * drain and terminate. Machines already draining do not count. Wait with {@link
   * PoolResize#waitingFor}.
   */
  public PoolResize resize(String poolName, int target, String who) {
    NodePool pool = requirePool(poolName);
    PoolResize.checkTarget(pool, target);
    return call(
        () -> {
          Instant now = clock.instant();
          List<Placed> staying =
              PoolMachines.match(pool, provider(pool).listOwned(pool.name()), state.nodes())
                  .machines()
                  .stream()
                  .filter(p -> p.node() == null || !NodeFacts.draining(p.node()))
                  .toList();
          int have = staying.size();
          String reason = "asked for by " + who + ": " + have + " → " + target + " nodes";
          if (target > have) {
            String key = CreateRequest.newKey(pool);
            log.record(
                ScalingEvents.event(ScalingEvents.SCALE_UP_REQUESTED, pool, now)
                    .key(key)
                    .nodes(target - have)
                    .reason(reason)
                    .build());
            if (!order(pool, target - have, key, now)) {
              throw new IllegalStateException(
                  "pool "
                      + pool.name()
                      + ": the provider did not make the machines; the Scaling page's decisions"
                      + " say why");
            }
            return new PoolResize(pool.name(), have, target, target - have, List.of());
          }
          List<String> cordoned = new ArrayList<>();
          for (Node node : PoolResize.toRemove(staying, state.pods(), have - target)) {
            String name = node.getMetadata().getName();
            drain.cordon(node, now);
            log.record(
                ScalingEvents.event(ScalingEvents.NODE_CORDONED, pool, now)
                    .node(name)
                    .nodes(1)
                    .reason(reason)
                    .build());
            cordoned.add(name);
          }
          if (!cordoned.isEmpty()) {
            executor.execute(this::runSafely); // the drain goes on in the next runs
          }
          return new PoolResize(pool.name(), have, target, 0, cordoned);
        });
  }

  /** Starts draining {@code node} of {@code pool} (the command line's {@code scale down}). */
  public void scaleDownManually(String poolName, String node, String who) {
    NodePool pool = requirePool(poolName);
    call(
        () -> {
          Node n = client.nodes().withName(node).get();
          if (n == null || !pool.name().equals(poolOf(n))) {
            throw new IllegalArgumentException(
                "node " + node + " is not a node of pool " + pool.name());
          }
          Instant now = clock.instant();
          drain.cordon(n, now);
          log.record(
              ScalingEvents.event(ScalingEvents.NODE_CORDONED, pool, now)
                  .node(node)
                  .nodes(1)
                  .reason("asked for by " + who)
                  .build());
          return null;
        });
  }

  private static String poolOf(Node n) {
    Map<String, String> labels = n.getMetadata().getLabels();
    return labels == null ? null : labels.get(NodePool.POOL_LABEL);
  }

  private NodePool requirePool(String name) {
    NodePool pool = pools.get(name);
    if (pool == null) {
      throw new IllegalArgumentException(
          "no pool " + name + "; the configured pools are " + pools.keySet());
    }
    return pool;
  }

  private <T> T call(java.util.concurrent.Callable<T> work) {
    try {
      return executor.submit(work).get(5, TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("the autoscaler did not answer: " + e.getMessage(), e);
    }
  }

  private void count(ProviderException e) {
    providerErrors.computeIfAbsent(e.code(), k -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void close() {
    state.removeListener(listener);
    executor.shutdownNow();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    providers.values().forEach(NodeProvider::close);
  }
}
