package io.jenkins.plugins.containercloud.history;

import java.util.Objects;
import java.util.Optional;

/**
 * Which deployments to list, newest first: optionally only those of one cluster, namespace, kind,
 * workload name or outcome, and at most {@link #limit()} of them. Immutable; each {@code with}
 * method returns a narrower copy.
 */
public final class HistoryQuery {

  /** How many deployments one query returns at most. */
  public static final int MAX_LIMIT = 1000;

  /** How many deployments a query returns unless told otherwise. */
  public static final int DEFAULT_LIMIT = 50;

  private final String cluster;
  private final String namespace;
  private final String kind;
  private final String name;
  private final Outcome outcome;
  private final int limit;

  private HistoryQuery(
      String cluster, String namespace, String kind, String name, Outcome outcome, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    this.cluster = cluster;
    this.namespace = namespace;
    this.kind = kind;
    this.name = name;
    this.outcome = outcome;
    this.limit = limit;
  }

  /** Every deployment, the newest {@link #DEFAULT_LIMIT}. */
  public static HistoryQuery all() {
    return new HistoryQuery(null, null, null, null, null, DEFAULT_LIMIT);
  }

  /** The deployments of one workload. */
  public static HistoryQuery workload(String cluster, String namespace, String kind, String name) {
    return all()
        .withCluster(Objects.requireNonNull(cluster, "cluster"))
        .withNamespace(Objects.requireNonNull(namespace, "namespace"))
        .withKind(Objects.requireNonNull(kind, "kind"))
        .withName(Objects.requireNonNull(name, "name"));
  }

  /** Only deployments to this cluster (null: any). */
  public HistoryQuery withCluster(String cluster) {
    return new HistoryQuery(cluster, namespace, kind, name, outcome, limit);
  }

  /** Only deployments in this namespace (null: any). */
  public HistoryQuery withNamespace(String namespace) {
    return new HistoryQuery(cluster, namespace, kind, name, outcome, limit);
  }

  /** Only deployments of this kind of workload, e.g. {@code Deployment} (null: any). */
  public HistoryQuery withKind(String kind) {
    return new HistoryQuery(cluster, namespace, kind, name, outcome, limit);
  }

  /** Only deployments of workloads with this name (null: any). */
  public HistoryQuery withName(String name) {
    return new HistoryQuery(cluster, namespace, kind, name, outcome, limit);
  }

  /** Only deployments with this outcome (null: any). */
  public HistoryQuery withOutcome(Outcome outcome) {
    return new HistoryQuery(cluster, namespace, kind, name, outcome, limit);
  }

  /** At most {@code limit} deployments, 1 to {@link #MAX_LIMIT}. */
  public HistoryQuery withLimit(int limit) {
    return new HistoryQuery(cluster, namespace, kind, name, outcome, limit);
  }

  public Optional<String> cluster() {
    return Optional.ofNullable(cluster);
  }

  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  public Optional<String> kind() {
    return Optional.ofNullable(kind);
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public Optional<Outcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  public int limit() {
    return limit;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistoryQuery q
        && Objects.equals(cluster, q.cluster)
        && Objects.equals(namespace, q.namespace)
        && Objects.equals(kind, q.kind)
        && Objects.equals(name, q.name)
        && outcome == q.outcome
        && limit == q.limit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(cluster, namespace, kind, name, outcome, limit);
  }

  @Override
  public String toString() {
    return "HistoryQuery[cluster="
        + cluster
        + ", namespace="
        + namespace
        + ", kind="
        + kind
        + ", name="
        + name
        + ", outcome="
        + outcome
        + ", limit="
        + limit
        + "]";
  }
}
