package io.jenkins.plugins.containercloud.scale;

import java.util.List;

/**
 * How many nodes a pool has now: {@code ready} Ready nodes, {@code upcoming} machines ordered but
 * not yet Ready nodes (they count as capacity), whether the provider recently refused it (capacity
 * or limit errors), and what the pods on its Ready nodes request ({@code readyUsed}, one entry per
 * Ready node): a pending pod that fits in what is left waits for the scheduler, not for a new node.
 */
public record PoolStatus(
    int ready, int upcoming, String unavailableBecause, List<Resources> readyUsed) {

  public static final PoolStatus EMPTY = new PoolStatus(0, 0, null);

  public PoolStatus {
    readyUsed = readyUsed == null ? List.of() : List.copyOf(readyUsed);
  }

  public PoolStatus(int ready, int upcoming, String unavailableBecause) {
    this(ready, upcoming, unavailableBecause, List.of());
  }

  public int total() {
    return ready + upcoming;
  }

  public boolean available() {
    return unavailableBecause == null;
  }
}
