package io.jenkins.plugins.containercloud.scale;

import io.jenkins.plugins.containercloud.scale.BinPacker.Bin;
import io.jenkins.plugins.containercloud.scale.BinPacker.Packing;
import io.jenkins.plugins.containercloud.scale.ScalePlan.ScaleUp;
import io.jenkins.plugins.containercloud.scale.ScalePlan.Unhelped;
import io.jenkins.plugins.containercloud.scale.ScalePlan.Why;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides how many nodes of which pool the pending pods need. Pods no pool could ever run are
 * reported, not answered; pods that nodes already ordered will take order nothing; the rest are
 * bin-packed onto each pool's template and the pool that wastes least is chosen, again and again,
 * within each pool's maximum and per-scale-up budget. Pure: no clock, no cluster, no provider.
 */
public final class ScalePlanner {

  private ScalePlanner() {}

  public static ScalePlan plan(
      List<NodePool> pools, Map<String, PoolStatus> statuses, List<PodDemand> pending) {
    Map<String, Integer> orders = new LinkedHashMap<>();
    Map<String, List<String>> orderedFor = new HashMap<>();
    Map<String, String> reasons = new HashMap<>();
    Map<String, Integer> budget = new HashMap<>();
    for (NodePool pool : pools) {
      PoolStatus status = statuses.getOrDefault(pool.name(), PoolStatus.EMPTY);
      int topUp = status.available() ? Math.max(0, pool.min() - status.total()) : 0;
      if (topUp > 0) {
        orders.put(pool.name(), topUp);
        reasons.put(pool.name(), "below its minimum of " + pool.min());
      }
      int room = pool.max() - status.total() - topUp;
      budget.put(
          pool.name(),
          status.available() ? Math.max(0, Math.min(pool.maxPerScaleUp() - topUp, room)) : 0);
    }

    List<Unhelped> unhelped = new ArrayList<>();
    Map<PodDemand, List<NodePool>> fitting = new LinkedHashMap<>();
    for (PodDemand pod : pending) {
      List<NodePool> fits = new ArrayList<>();
      List<String> whyNot = new ArrayList<>();
      for (NodePool pool : pools) {
        String why = TemplateFit.whyNot(pod, pool);
        if (why == null) {
          fits.add(pool);
        } else {
          whyNot.add(pool.name() + ": " + why);
        }
      }
      if (fits.isEmpty()) {
        String message = pools.isEmpty() ? "no node pool is configured" : String.join("; ", whyNot);
        unhelped.add(new Unhelped(pod.key(), Why.NO_POOL_FITS, message));
      } else {
        fitting.put(pod, fits);
      }
    }

    // Ready nodes with room, then nodes already ordered (and this decision's top-ups), take what
    // they can first.
    List<String> awaiting = new ArrayList<>();
    Set<PodDemand> remaining = new LinkedHashSet<>(fitting.keySet());
    for (NodePool pool : pools) {
      PoolStatus status = statuses.getOrDefault(pool.name(), PoolStatus.EMPTY);
      int coming = status.upcoming() + orders.getOrDefault(pool.name(), 0);
      if (coming == 0 && status.readyUsed().isEmpty()) {
        continue;
      }
      Packing packing =
          BinPacker.pack(
              candidates(remaining, fitting, pool),
              pool.template().allocatable(),
              status.readyUsed(),
              coming,
              0);
      for (PodDemand pod : packing.placed()) {
        remaining.remove(pod);
        if (orders.containsKey(pool.name()) && status.upcoming() == 0) {
          orderedFor.computeIfAbsent(pool.name(), k -> new ArrayList<>()).add(pod.key());
        } else {
          awaiting.add(pod.key());
        }
      }
    }

    while (!remaining.isEmpty()) {
      Choice best = null;
      for (NodePool pool : pools) {
        int left = budget.get(pool.name());
        List<PodDemand> candidates = candidates(remaining, fitting, pool);
        if (left == 0 || candidates.isEmpty()) {
          continue;
        }
        Packing packing = BinPacker.pack(candidates, pool.template().allocatable(), 0, left);
        if (packing.newBins() == 0) {
          continue;
        }
        Choice choice = new Choice(pool, packing, waste(packing, pool.template().allocatable()));
        if (best == null || choice.beats(best)) {
          best = choice;
        }
      }
      if (best == null) {
        break;
      }
      String name = best.pool.name();
      int nodes = best.packing.newBins();
      orders.merge(name, nodes, Integer::sum);
      budget.merge(name, -nodes, Integer::sum);
      List<String> pods = orderedFor.computeIfAbsent(name, k -> new ArrayList<>());
      for (PodDemand pod : best.packing.placed()) {
        remaining.remove(pod);
        pods.add(pod.key());
      }
      reasons.merge(
          name,
          String.format(
              Locale.ROOT,
              "%d pending %s on %d new %s of %s, the least waste (%.0f%% of their CPU"
                  + " and memory unused)",
              best.packing.placed().size(),
              best.packing.placed().size() == 1 ? "pod fits" : "pods fit",
              nodes,
              nodes == 1 ? "node" : "nodes",
              name,
              best.waste * 100),
          (a, b) -> a + "; " + b);
    }

    for (PodDemand pod : remaining) {
      unhelped.add(leftOver(pod, fitting.get(pod), statuses, orders));
    }
    List<ScaleUp> scaleUps = new ArrayList<>();
    orders.forEach(
        (pool, nodes) ->
            scaleUps.add(
                new ScaleUp(
                    pool, nodes, orderedFor.getOrDefault(pool, List.of()), reasons.get(pool))));
    return new ScalePlan(scaleUps, awaiting, unhelped);
  }

  private static List<PodDemand> candidates(
      Set<PodDemand> remaining, Map<PodDemand, List<NodePool>> fitting, NodePool pool) {
    return remaining.stream().filter(p -> fitting.get(p).contains(pool)).toList();
  }

  private static Unhelped leftOver(
      PodDemand pod,
      List<NodePool> fits,
      Map<String, PoolStatus> statuses,
      Map<String, Integer> orders) {
    boolean unavailable = false;
    boolean room = false;
    List<String> details = new ArrayList<>();
    for (NodePool pool : fits) {
      PoolStatus status = statuses.getOrDefault(pool.name(), PoolStatus.EMPTY);
      if (!status.available()) {
        unavailable = true;
        details.add(pool.name() + " unavailable: " + status.unavailableBecause());
      } else if (status.total() + orders.getOrDefault(pool.name(), 0) >= pool.max()) {
        details.add(pool.name() + " at its maximum of " + pool.max());
      } else {
        room = true;
        details.add(
            pool.name() + " ordered its " + pool.maxPerScaleUp() + " nodes for this scale-up");
      }
    }
    Why why = room ? Why.BUDGET_SPENT : unavailable ? Why.POOL_UNAVAILABLE : Why.MAX_REACHED;
    return new Unhelped(pod.key(), why, String.join("; ", details));
  }

  /** The share of the new nodes' CPU and memory that the packed pods leave unused. */
  static double waste(Packing packing, Resources capacity) {
    List<Bin> bins = packing.usedNewBins();
    double cpuTotal = (double) capacity.cpuMillis() * bins.size();
    double memTotal = (double) capacity.memoryBytes() * bins.size();
    double cpuUsed = bins.stream().mapToLong(b -> b.used().cpuMillis()).sum();
    double memUsed = bins.stream().mapToLong(b -> b.used().memoryBytes()).sum();
    return ((cpuTotal - cpuUsed) / cpuTotal + (memTotal - memUsed) / memTotal) / 2;
  }

  private record Choice(NodePool pool, Packing packing, double waste) {
    boolean beats(Choice other) {
      if (Math.abs(waste - other.waste) > 1e-9) {
        return waste < other.waste;
      }
      int placed = packing.placed().size();
      int otherPlaced = other.packing.placed().size();
      if (placed != otherPlaced) {
        return placed > otherPlaced;
      }
      return pool.name().compareTo(other.pool.name()) < 0;
    }
  }
}
