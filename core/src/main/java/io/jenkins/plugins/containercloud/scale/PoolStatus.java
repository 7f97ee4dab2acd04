package io.jenkins.plugins.containercloud.scale;

/**
 * How many nodes a pool has now: {@code ready} Ready nodes, {@code upcoming} machines ordered but
 * not yet Ready nodes (they count as capacity), and whether the provider recently refused it
 * (capacity or limit errors) and until when it is left alone.
 */
public record PoolStatus(int ready, int upcoming, String unavailableBecause) {

  public static final PoolStatus EMPTY = new PoolStatus(0, 0, null);

  public int total() {
    return ready + upcoming;
  }

  public boolean available() {
    return unavailableBecause == null;
  }
}
