package io.jenkins.plugins.containercloud.scale;

import java.util.ArrayList;
import java.util.List;

/**
 * The fewest nodes a set of pods needs, by exhaustive search (branch and bound over every
 * assignment): independent of the planner's heuristic, for small sets only.
 */
final class OptimalPacking {

  private OptimalPacking() {}

  static int minimumNodes(List<PodDemand> pods, Resources capacity) {
    List<Resources> items = new ArrayList<>();
    pods.forEach(p -> items.add(p.requests()));
    int[] best = {items.size()};
    search(items, 0, new ArrayList<>(), capacity, best);
    return best[0];
  }

  private static void search(
      List<Resources> items, int next, List<Resources> bins, Resources capacity, int[] best) {
    if (bins.size() >= best[0]) {
      return;
    }
    if (next == items.size()) {
      best[0] = bins.size();
      return;
    }
    Resources item = items.get(next);
    for (int i = 0; i < bins.size(); i++) {
      Resources with = bins.get(i).plus(item);
      if (with.fitsIn(capacity)) {
        Resources before = bins.set(i, with);
        search(items, next + 1, bins, capacity, best);
        bins.set(i, before);
      }
    }
    bins.add(item);
    search(items, next + 1, bins, capacity, best);
    bins.remove(bins.size() - 1);
  }
}
