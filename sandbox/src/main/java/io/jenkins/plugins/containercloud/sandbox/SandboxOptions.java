package io.jenkins.plugins.containercloud.sandbox;

import java.time.Duration;
import java.util.Objects;

/** How the sandbox cluster behaves: kubelet timings and the initial node pool. */
public final class SandboxOptions {

  private Duration readyDelay = Duration.ofMillis(200);
  private Duration crashLoopRestartInterval = Duration.ofSeconds(2);
  private int initialNodes = 3;
  private String nodeCpu = "4";
  private String nodeMemory = "8Gi";
  private int nodePods = 110;

  private SandboxOptions() {}

  /**
   * The defaults: 3 nodes of 4 CPU, 8Gi and 110 pods; pods Ready after 200 ms; restarts every 2 s.
   */
  public static SandboxOptions defaults() {
    return new SandboxOptions();
  }

  /** How long after binding a pod starts (Running, and Ready unless its image says otherwise). */
  public SandboxOptions readyDelay(Duration delay) {
    this.readyDelay = requirePositiveOrZero(delay, "readyDelay");
    return this;
  }

  /** How often a {@code -crashloop} pod's first container restarts. */
  public SandboxOptions crashLoopRestartInterval(Duration interval) {
    Objects.requireNonNull(interval, "crashLoopRestartInterval");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException(
          "crashLoopRestartInterval must be positive, was " + interval);
    }
    this.crashLoopRestartInterval = interval;
    return this;
  }

  /** How many nodes ({@code sandbox-node-1..n}) the cluster starts with. */
  public SandboxOptions initialNodes(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("initialNodes must not be negative, was " + count);
    }
    this.initialNodes = count;
    return this;
  }

  /** Each initial node's CPU, as a Kubernetes quantity ({@code "4"}, {@code "1500m"}). */
  public SandboxOptions nodeCpu(String cpu) {
    this.nodeCpu = Objects.requireNonNull(cpu, "nodeCpu");
    return this;
  }

  /** Each initial node's memory, as a Kubernetes quantity ({@code "8Gi"}). */
  public SandboxOptions nodeMemory(String memory) {
    this.nodeMemory = Objects.requireNonNull(memory, "nodeMemory");
    return this;
  }

  /** How many pods each initial node takes. */
  public SandboxOptions nodePods(int pods) {
    if (pods < 1) {
      throw new IllegalArgumentException("nodePods must be at least 1, was " + pods);
    }
    this.nodePods = pods;
    return this;
  }

  Duration readyDelay() {
    return readyDelay;
  }

  Duration crashLoopRestartInterval() {
    return crashLoopRestartInterval;
  }

  int initialNodes() {
    return initialNodes;
  }

  String nodeCpu() {
    return nodeCpu;
  }

  String nodeMemory() {
    return nodeMemory;
  }

  int nodePods() {
    return nodePods;
  }

  private static Duration requirePositiveOrZero(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
    return d;
  }
}
