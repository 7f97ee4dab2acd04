package io.jenkins.plugins.containercloud.scale;

import io.jenkins.plugins.containercloud.scale.PoolMachines.Placed;
import io.jenkins.plugins.containercloud.scale.ScalingStatus.NodeView;
import io.jenkins.plugins.containercloud.scale.ScalingStatus.PendingView;
import io.jenkins.plugins.containercloud.scale.ScalingStatus.PoolView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds the {@link ScalingStatus} of one run. */
final class StatusViews {

  private StatusViews() {}

  static ScalingStatus of(
      Instant at,
      Map<String, PoolMachines> machines,
      ScalePlan plan,
      Function<String, String> unavailable,
      Function<String, String> upgradingTo,
      long providerCalls) {
    List<PoolView> pools = new ArrayList<>();
    for (PoolMachines pool : machines.values()) {
      List<NodeView> nodes = new ArrayList<>();
      int ready = 0;
      int upcoming = 0;
      int draining = 0;
      for (Placed p : pool.machines()) {
        String state;
        if (p.node() != null && NodeFacts.draining(p.node())) {
          state = "draining";
          draining++;
        } else if (p.ready()) {
          state = "ready";
          ready++;
        } else {
          state = p.node() == null ? "requested" : "booting";
          upcoming++;
        }
        nodes.add(
            new NodeView(
                p.machine().id(),
                p.node() == null ? null : p.node().getMetadata().getName(),
                state,
                p.machine().createdAt() == null ? null : p.machine().createdAt().toString()));
      }
      NodePool np = pool.pool();
      pools.add(
          new PoolView(
              np.name(),
              np.provider().type(),
              np.min(),
              np.max(),
              ready,
              upcoming,
              draining,
              unavailable.apply(np.name()),
              nodes,
              upgradingTo.apply(np.name())));
    }
    List<PendingView> pending = new ArrayList<>();
    if (plan != null) {
      plan.awaitingUpcoming()
          .forEach(
              p ->
                  pending.add(
                      new PendingView(p, "awaiting-nodes", "nodes ordered earlier will take it")));
      plan.scaleUps()
          .forEach(
              s ->
                  s.pods()
                      .forEach(
                          p ->
                              pending.add(
                                  new PendingView(
                                      p,
                                      "scale-up",
                                      s.nodes() + " nodes of " + s.pool() + " ordered"))));
      plan.unhelped()
          .forEach(u -> pending.add(new PendingView(u.pod(), u.why().name(), u.message())));
    }
    return new ScalingStatus(at.toString(), pools, pending, providerCalls);
  }
}
