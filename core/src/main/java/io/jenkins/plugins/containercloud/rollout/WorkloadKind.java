package io.jenkins.plugins.containercloud.rollout;

import java.util.Locale;

/** The kinds of workload a rollout can target. */
public enum WorkloadKind {
  REPLICATION_CONTROLLER("ReplicationController", "rc"),
  DEPLOYMENT("Deployment", "deployment");

  private final String apiKind;
  private final String shortName;

  WorkloadKind(String apiKind, String shortName) {
    this.apiKind = apiKind;
    this.shortName = shortName;
  }

  /** The Kubernetes {@code kind}, e.g. {@code ReplicationController}. */
  public String apiKind() {
    return apiKind;
  }

  /** The kind as written on the command line and in URLs, e.g. {@code rc}. */
  public String shortName() {
    return shortName;
  }

  /** Parses {@code rc}, {@code replicationcontroller}, {@code deployment}, … (any case). */
  public static WorkloadKind parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (WorkloadKind kind : values()) {
      if (kind.shortName.equals(lower) || kind.apiKind.toLowerCase(Locale.ROOT).equals(lower)) {
        return kind;
      }
    }
    throw new InvalidRolloutException(
        "kind: unknown workload kind '" + text + "'; use rc or deployment");
  }
}
