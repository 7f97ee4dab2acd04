package io.jenkins.plugins.containercloud.scale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Packs pods onto nodes of one template: first-fit decreasing, tried with three orders (by the
 * largest share of a node a pod takes, by CPU, by memory) keeping the packing with the fewest new
 * nodes. A node never holds two pods that repel each other (host-name anti-affinity).
 */
final class BinPacker {

  private BinPacker() {}

  /** One node's worth of pods. */
  static final class Bin {
    private final List<PodDemand> pods = new ArrayList<>();
    private Resources used = Resources.NONE;
    private final boolean existing;

    Bin(boolean existing) {
      this.existing = existing;
    }

    Bin(Resources alreadyUsed) {
      this.existing = true;
      this.used = alreadyUsed;
    }

    List<PodDemand> pods() {
      return pods;
    }

    Resources used() {
      return used;
    }

    /** Whether this stands for a node already ordered (not a new one). */
    boolean existing() {
      return existing;
    }

    boolean accepts(PodDemand pod, Resources capacity) {
      if (!used.plus(pod.requests()).fitsIn(capacity)) {
        return false;
      }
      for (PodDemand other : pods) {
        if (pod.repels(other)) {
          return false;
        }
      }
      return true;
    }

    void add(PodDemand pod) {
      pods.add(pod);
      used = used.plus(pod.requests());
    }
  }

  /** The outcome: the bins (existing ones first, then new ones) and the pods left over. */
  record Packing(List<Bin> bins, List<PodDemand> unplaced) {

    int newBins() {
      return (int) bins.stream().filter(b -> !b.existing() && !b.pods().isEmpty()).count();
    }

    List<Bin> usedNewBins() {
      return bins.stream().filter(b -> !b.existing() && !b.pods().isEmpty()).toList();
    }

    List<PodDemand> placed() {
      List<PodDemand> all = new ArrayList<>();
      bins.forEach(b -> all.addAll(b.pods()));
      return all;
    }
  }

  /**
   * Packs {@code pods} onto {@code existingBins} empty nodes first, then onto at most {@code
   * newLimit} new ones.
   */
  static Packing pack(List<PodDemand> pods, Resources capacity, int existingBins, int newLimit) {
    return pack(pods, capacity, List.of(), existingBins, newLimit);
  }

  /** {@link #pack}, with nodes already partly used ({@code prefilled}) tried before all others. */
  static Packing pack(
      List<PodDemand> pods,
      Resources capacity,
      List<Resources> prefilled,
      int existingBins,
      int newLimit) {
    Packing best = null;
    for (ToDoubleFunction<PodDemand> size : orders(capacity)) {
      Packing p = firstFitDecreasing(pods, capacity, prefilled, existingBins, newLimit, size);
      if (best == null || better(p, best)) {
        best = p;
      }
    }
    return best;
  }

  private static boolean better(Packing a, Packing b) {
    if (a.unplaced().size() != b.unplaced().size()) {
      return a.unplaced().size() < b.unplaced().size();
    }
    return a.newBins() < b.newBins();
  }

  private static List<ToDoubleFunction<PodDemand>> orders(Resources capacity) {
    ToDoubleFunction<PodDemand> cpu = p -> share(p.requests().cpuMillis(), capacity.cpuMillis());
    ToDoubleFunction<PodDemand> memory =
        p -> share(p.requests().memoryBytes(), capacity.memoryBytes());
    ToDoubleFunction<PodDemand> slots = p -> share(p.requests().pods(), capacity.pods());
    ToDoubleFunction<PodDemand> largest =
        p ->
            Math.max(
                cpu.applyAsDouble(p), Math.max(memory.applyAsDouble(p), slots.applyAsDouble(p)));
    return List.of(largest, cpu, memory);
  }

  private static double share(long amount, long capacity) {
    return capacity == 0 ? 0 : (double) amount / capacity;
  }

  private static Packing firstFitDecreasing(
      List<PodDemand> pods,
      Resources capacity,
      List<Resources> prefilled,
      int existingBins,
      int newLimit,
      ToDoubleFunction<PodDemand> size) {
    List<PodDemand> sorted = new ArrayList<>(pods);
    // Pods with anti-affinity first among equals: they constrain the packing most.
    sorted.sort(
        Comparator.comparingDouble(size)
            .reversed()
            .thenComparing(p -> p.hostnameAntiAffinity().isEmpty())
            .thenComparing(PodDemand::key));
    List<Bin> bins = new ArrayList<>();
    prefilled.forEach(used -> bins.add(new Bin(used)));
    for (int i = 0; i < existingBins; i++) {
      bins.add(new Bin(true));
    }
    int opened = 0;
    List<PodDemand> unplaced = new ArrayList<>();
    for (PodDemand pod : sorted) {
      Bin target = null;
      for (Bin bin : bins) {
        if (bin.accepts(pod, capacity)) {
          target = bin;
          break;
        }
      }
      if (target == null && opened < newLimit && pod.requests().fitsIn(capacity)) {
        target = new Bin(false);
        bins.add(target);
        opened++;
      }
      if (target == null) {
        unplaced.add(pod);
      } else {
        target.add(pod);
      }
    }
    return new Packing(bins, unplaced);
  }
}
