package io.jenkins.plugins.containercloud.scale;

/**
 * An amount of the three resources the planner packs: CPU in millicores, memory in bytes and pod
 * slots.
 */
public record Resources(long cpuMillis, long memoryBytes, int pods) {

  public static final Resources NONE = new Resources(0, 0, 0);

  public Resources {
    if (cpuMillis < 0 || memoryBytes < 0 || pods < 0) {
      throw new IllegalArgumentException(
          "resources cannot be negative: cpu "
              + cpuMillis
              + "m, memory "
              + memoryBytes
              + ", pods "
              + pods);
    }
  }

  public Resources plus(Resources other) {
    return new Resources(
        cpuMillis + other.cpuMillis, memoryBytes + other.memoryBytes, pods + other.pods);
  }

  /** Whether {@code this} much fits into {@code capacity}. */
  public boolean fitsIn(Resources capacity) {
    return cpuMillis <= capacity.cpuMillis
        && memoryBytes <= capacity.memoryBytes
        && pods <= capacity.pods;
  }

  /** Names the first resource of {@code this} that exceeds {@code capacity}, or null. */
  String exceeding(Resources capacity) {
    if (cpuMillis > capacity.cpuMillis) {
      return "cpu " + cpuMillis + "m > " + capacity.cpuMillis + "m";
    }
    if (memoryBytes > capacity.memoryBytes) {
      return "memory " + memoryBytes + " > " + capacity.memoryBytes + " bytes";
    }
    if (pods > capacity.pods) {
      return "pods " + pods + " > " + capacity.pods;
    }
    return null;
  }

  @Override
  public String toString() {
    return "cpu " + cpuMillis + "m, memory " + memoryBytes + " bytes, " + pods + " pods";
  }
}
