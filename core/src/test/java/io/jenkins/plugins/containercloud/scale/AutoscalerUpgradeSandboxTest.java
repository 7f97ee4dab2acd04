package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.history.ScalingEvent;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rolling upgrades of a pool on the sandbox cluster, with the simulated provider. */
class AutoscalerUpgradeSandboxTest {

  @RegisterExtension static final SandboxCluster SANDBOX = new SandboxCluster();

  private static final Autoscaler.Timing FAST =
      new Autoscaler.Timing(Duration.ofMillis(50), Duration.ofMillis(100));

  /**
   * Pool {@code name} (its nodes labelled tier=name) of two 2-CPU nodes at most, image {@code
   * image}.
   */
  private static NodePool pool(String name, String image) {
    NodePool base =
        Pools.pool(
            name, new Resources(2000, 4 * Pools.GI, 110), Map.of("tier", name), List.of(), 2);
    NodeTemplate t = base.template();
    return base.withBounds(0, 2, 2)
        .withTemplate(
            new NodeTemplate(t.allocatable(), t.labels(), List.of(), "m5.large", image, null));
  }

  private static Autoscaler autoscaler(
      Cluster cluster, NodePool pool, SimulatedNodeProvider provider, ScalingLog log) {
    return new Autoscaler(
        pool.cluster(),
        cluster.wholeCluster(),
        SANDBOX.client(),
        List.of(pool),
        Map.of(pool.name(), provider),
        log,
        Clock.systemUTC(),
        FAST);
  }

  private static Cluster cluster() {
    return Cluster.connect(
        ClusterConfig.kubeconfig("sandbox", SANDBOX.kubeconfig(), null, SANDBOX.namespace()));
  }

  /**
   * Two nodes of image img-1, each running one pod of a two-replica Deployment that only this
   * pool's nodes take (1500m of their 2000m: one pod per node). Returns the nodes' names.
   */
  private static Set<String> twoOldNodesWithPods(
      NodePool old, SimulatedNodeProvider provider, ScalingLog log) throws Exception {
    KubernetesClient client = SANDBOX.client();
    try (Cluster cluster = cluster();
        Autoscaler first = autoscaler(cluster, old, provider, log)) {
      assertThat(first.scaleUpManually(old.name(), 2, "test")).isEqualTo(2);
    }
    client
        .resource(
            io.jenkins.plugins.containercloud.testing.Bursts.deployment(
                SANDBOX.namespace(), old.name(), 2, "1500m", "1Gi"))
        .create();
    await().atMost(Duration.ofMinutes(1)).until(() -> running(old.name()) == 2);
    return provider.listOwned(old.name()).stream().map(Machine::id).collect(Collectors.toSet());
  }

  private static long running(String app) {
    return pods(app).stream().filter(p -> "Running".equals(p.getStatus().getPhase())).count();
  }

  private static List<Pod> pods(String app) {
    return SANDBOX
        .client()
        .pods()
        .inNamespace(SANDBOX.namespace())
        .withLabel("app", app)
        .list()
        .getItems();
  }

  private static List<ScalingEvent> events(ScalingLog log, NodePool pool, String type) {
    return log.ofType(pool.cluster(), type).stream()
        .filter(e -> e.pool().equals(pool.name()))
        .toList();
  }

  /** Checks the end of an upgrade: new machines only, as many as before, the pods on them. */
  private static void assertReplaced(
      NodePool upgraded, SimulatedNodeProvider provider, ScalingLog log, Set<String> oldNodes) {
    List<String> machines = provider.listOwned(upgraded.name()).stream().map(Machine::id).toList();
    assertThat(machines).hasSize(2).doesNotContainAnyElementsOf(oldNodes);
    String revision = TemplateRevision.of(upgraded);
    // Exactly two machines of the new revision were ever ordered: one surge per old node.
    assertThat(events(log, upgraded, ScalingEvents.MACHINE_ORDERED))
        .filteredOn(e -> e.reason().endsWith(revision))
        .extracting(ScalingEvent::machineId)
        .containsExactlyInAnyOrderElementsOf(machines);
    assertThat(events(log, upgraded, ScalingEvents.UPGRADE_NODE_REPLACED))
        .extracting(ScalingEvent::nodeName)
        .containsExactlyInAnyOrderElementsOf(oldNodes);
    assertThat(events(log, upgraded, ScalingEvents.UPGRADE_FINISHED)).hasSize(1);
    await().atMost(Duration.ofMinutes(1)).until(() -> running(upgraded.name()) == 2);
    assertThat(pods(upgraded.name()))
        .filteredOn(p -> "Running".equals(p.getStatus().getPhase()))
        .extracting(p -> p.getSpec().getNodeName())
        .allMatch(machines::contains);
  }

  @Test
  void upgrade_replacesEachOldNode_oneSurgeAtATime_andThePodsMoveToTheNewNodes() throws Exception {
    NodePool old = pool("roll", "img-1");
    NodePool upgraded = pool("roll", "img-2");
    assertThat(TemplateRevision.of(upgraded)).isNotEqualTo(TemplateRevision.of(old));
    SimulatedNodeProvider provider = new SimulatedNodeProvider(SANDBOX.client(), "roll-test");
    ScalingLog log = ScalingLog.inMemory();
    Set<String> oldNodes = twoOldNodesWithPods(old, provider, log);

    List<Integer> machineCounts = new ArrayList<>();
    try (Cluster cluster = cluster();
        Autoscaler autoscaler = autoscaler(cluster, upgraded, provider, log)) {
      autoscaler.start();
      Autoscaler.Upgrade started = autoscaler.upgrade(upgraded.name(), "test");

      assertThat(started.outdated()).isEqualTo(2);
      assertThat(started.revision()).isEqualTo(TemplateRevision.of(upgraded));
      await()
          .atMost(Duration.ofMinutes(2))
          .until(
              () -> {
                machineCounts.add(provider.listOwned(upgraded.name()).size());
                return !events(log, upgraded, ScalingEvents.UPGRADE_FINISHED).isEmpty();
              });
      assertThat(autoscaler.upgrading()).isEmpty();
    }
    // Never more than max + 1 machines, never fewer than the two nodes it started with but while
    // an old machine is terminated.
    assertThat(machineCounts).allMatch(n -> n <= 3);
    assertReplaced(upgraded, provider, log, oldNodes);
    // One surge at a time: each surge's order is followed by a replacement before the next one.
    List<String> steps =
        log.recent(upgraded.cluster(), 500).stream()
            .filter(e -> e.pool().equals(upgraded.name()))
            .filter(
                e ->
                    e.type().equals(ScalingEvents.UPGRADE_NODE_REPLACED)
                        || (e.type().equals(ScalingEvents.SCALE_UP_REQUESTED)
                            && e.reason().startsWith("rolling upgrade")))
            .map(ScalingEvent::type)
            .toList()
            .reversed();
    assertThat(steps)
        .containsExactly(
            ScalingEvents.SCALE_UP_REQUESTED,
            ScalingEvents.UPGRADE_NODE_REPLACED,
            ScalingEvents.SCALE_UP_REQUESTED,
            ScalingEvents.UPGRADE_NODE_REPLACED);
  }

  @Test
  void anUpgradeStoppedMidway_isFinishedByTheNextAutoscaler_withoutExtraMachines()
      throws Exception {
    NodePool old = pool("resume", "img-1");
    NodePool upgraded = pool("resume", "img-2");
    SimulatedNodeProvider provider = new SimulatedNodeProvider(SANDBOX.client(), "resume-test");
    ScalingLog log = ScalingLog.inMemory();
    Set<String> oldNodes = twoOldNodesWithPods(old, provider, log);
    String revision = TemplateRevision.of(upgraded);

    try (Cluster cluster = cluster();
        Autoscaler stopped = autoscaler(cluster, upgraded, provider, log)) {
      stopped.start();
      stopped.upgrade(upgraded.name(), "test");
      // Stopped once the first surge machine exists, before the upgrade is over.
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  events(log, upgraded, ScalingEvents.MACHINE_ORDERED).stream()
                      .anyMatch(e -> e.reason().endsWith(revision)));
    }
    assertThat(events(log, upgraded, ScalingEvents.UPGRADE_FINISHED)).isEmpty();

    try (Cluster cluster = cluster();
        Autoscaler next = autoscaler(cluster, upgraded, provider, log)) {
      // Its first run, before any other: it has found the upgrade in the log and shows it.
      next.runNow();
      assertThat(next.upgrading()).containsExactly(upgraded.name());
      assertThat(next.status().pools())
          .singleElement()
          .satisfies(p -> assertThat(p.upgradingTo()).isEqualTo(revision));
      next.start();
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> !events(log, upgraded, ScalingEvents.UPGRADE_FINISHED).isEmpty());
      assertThat(next.upgrading()).isEmpty();
    }
    assertThat(events(log, upgraded, ScalingEvents.UPGRADE_STARTED)).hasSize(1);
    assertReplaced(upgraded, provider, log, oldNodes);
  }
}
