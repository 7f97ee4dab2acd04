package io.jenkins.plugins.containercloud.scale;

import io.jenkins.plugins.containercloud.scale.PoolMachines.Placed;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The next step of a pool's rolling upgrade, decided from what the cluster and the provider show
 * now (so a restarted autoscaler decides the same): one surge machine of the new revision, then,
 * once it is a Ready node, the drain of the oldest Ready node of an old revision; one at a time.
 *
 * @param nodes how many Ready nodes the pool had when the upgrade started: more than that means a
 *     surge node is up and an old node may go
 */
record RollingUpgrade(String key, int nodes) {

  /** What to do now. */
  sealed interface Step {}

  /** No Ready node of an old revision is left and no drain runs: the upgrade is over. */
  record Finish() implements Step {}

  /** A machine is booting or a node is draining: wait for it. */
  record Wait(String why) implements Step {}

  /** Order one machine of the new revision. */
  record Surge() implements Step {}

  /** Cordon and drain this old node (its machine is then terminated). */
  record Replace(Placed old) implements Step {}

  /** Decides from the pool's machines, their recorded revisions (absent: out of date). */
  Step next(PoolMachines pool, Map<String, String> revisions, String current) {
    List<Placed> live = pool.machines().stream().filter(p -> !p.machine().terminating()).toList();
    List<Placed> draining =
        live.stream().filter(p -> p.node() != null && NodeFacts.draining(p.node())).toList();
    List<Placed> ready =
        live.stream().filter(p -> p.ready() && !NodeFacts.draining(p.node())).toList();
    List<Placed> old =
        ready.stream()
            .filter(p -> !current.equals(revisions.get(p.machine().id())))
            .sorted(
                Comparator.comparing(
                    (Placed p) -> p.machine().createdAt(),
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder())))
            .toList();
    if (!draining.isEmpty()) {
      return new Wait("node " + draining.get(0).node().getMetadata().getName() + " is draining");
    }
    if (old.isEmpty()) {
      return new Finish();
    }
    long booting = live.stream().filter(p -> !p.ready()).count();
    if (booting > 0) {
      return new Wait(booting + " machine(s) not yet Ready nodes");
    }
    if (ready.size() > nodes && ready.size() - 1 >= pool.pool().min()) {
      return new Replace(old.get(0));
    }
    if (live.size() > pool.pool().max()) {
      return new Wait("the pool is at its maximum plus the one surge machine");
    }
    return new Surge();
  }

  RollingUpgrade {
    Objects.requireNonNull(key, "key");
    nodes = Math.max(nodes, 1); // at least one surge before the first drain
  }
}
