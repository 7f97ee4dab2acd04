package io.jenkins.plugins.containercloud.history;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One deployment of a workload: what changed (the image before and after, by digest when known, and
 * the image it was asked to roll out, which a failed rollout never reaches), how (the strategy and
 * its parameters), who or what asked for it, when, and how it ended.
 *
 * <p>The caller assigns the id ({@link #newId()}) so that it is known before the first write and
 * can name the deployment in logs even when the write fails. Instants are kept to the microsecond,
 * as both databases store them.
 */
public record DeploymentRecord(
    String id,
    String cluster,
    String namespace,
    String kind,
    String name,
    String container,
    String imageBefore,
    String imageAfter,
    String imageRequested,
    String strategy,
    SortedMap<String, String> strategyParameters,
    Trigger trigger,
    Instant startedAt,
    Instant finishedAt,
    Outcome outcome,
    String reason) {

  public DeploymentRecord {
    id = Fields.uuid("id", id);
    cluster = Fields.required("cluster", cluster, Fields.CLUSTER);
    namespace = Fields.required("namespace", namespace, Fields.NAMESPACE);
    kind = Fields.required("kind", kind, Fields.KIND);
    name = Fields.required("name", name, Fields.NAME);
    container = Fields.optional("container", container, Fields.CONTAINER);
    imageBefore = Fields.optional("imageBefore", imageBefore, Fields.IMAGE);
    imageAfter = Fields.optional("imageAfter", imageAfter, Fields.IMAGE);
    imageRequested = Fields.optional("imageRequested", imageRequested, Fields.IMAGE);
    strategy = Fields.required("strategy", strategy, Fields.STRATEGY);
    strategyParameters =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(strategyParameters == null ? Map.of() : strategyParameters));
    if (strategyParameters.containsValue(null)) {
      throw new IllegalArgumentException("strategyParameters may not hold null values");
    }
    Fields.optional(
        "strategyParameters (as JSON)",
        ParametersJson.write(strategyParameters),
        Fields.STRATEGY_PARAMETERS);
    Objects.requireNonNull(trigger, "trigger");
    startedAt = Fields.micros(Objects.requireNonNull(startedAt, "startedAt"));
    finishedAt = Fields.micros(finishedAt);
    Objects.requireNonNull(outcome, "outcome");
    if (outcome.isFinal() != (finishedAt != null)) {
      throw new IllegalArgumentException(
          "finishedAt is set exactly when the outcome is final; outcome "
              + outcome
              + ", finishedAt "
              + finishedAt);
    }
    reason = Fields.truncated(reason, Fields.REASON);
  }

  /** A fresh random id. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** A builder with outcome {@link Outcome#RUNNING} and nothing else set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .cluster(cluster)
        .namespace(namespace)
        .kind(kind)
        .name(name)
        .container(container)
        .imageBefore(imageBefore)
        .imageAfter(imageAfter)
        .imageRequested(imageRequested)
        .strategy(strategy)
        .strategyParameters(strategyParameters)
        .trigger(trigger)
        .startedAt(startedAt)
        .finishedAt(finishedAt)
        .outcome(outcome)
        .reason(reason);
  }

  /** This deployment as it ended. */
  public DeploymentRecord finish(
      Outcome outcome, Instant finishedAt, String reason, String imageAfter) {
    return toBuilder()
        .outcome(outcome)
        .finishedAt(finishedAt)
        .reason(reason)
        .imageAfter(imageAfter == null ? this.imageAfter : imageAfter)
        .build();
  }

  /** Collects a record's values; {@link #build()} checks them. */
  public static final class Builder {
    private String id;
    private String cluster;
    private String namespace;
    private String kind;
    private String name;
    private String container;
    private String imageBefore;
    private String imageAfter;
    private String imageRequested;
    private String strategy;
    private Map<String, String> strategyParameters = Map.of();
    private Trigger trigger;
    private Instant startedAt;
    private Instant finishedAt;
    private Outcome outcome = Outcome.RUNNING;
    private String reason;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder cluster(String cluster) {
      this.cluster = cluster;
      return this;
    }

    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder kind(String kind) {
      this.kind = kind;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder container(String container) {
      this.container = container;
      return this;
    }

    public Builder imageBefore(String imageBefore) {
      this.imageBefore = imageBefore;
      return this;
    }

    public Builder imageAfter(String imageAfter) {
      this.imageAfter = imageAfter;
      return this;
    }

    /**
     * The image the deployment was asked to roll out: a deploy's image, the image a rollback
     * returns to, an apply's {@code --image}; null when not known beforehand.
     */
    public Builder imageRequested(String imageRequested) {
      this.imageRequested = imageRequested;
      return this;
    }

    public Builder strategy(String strategy) {
      this.strategy = strategy;
      return this;
    }

    public Builder strategyParameters(Map<String, String> strategyParameters) {
      this.strategyParameters = strategyParameters;
      return this;
    }

    public Builder trigger(Trigger trigger) {
      this.trigger = trigger;
      return this;
    }

    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder finishedAt(Instant finishedAt) {
      this.finishedAt = finishedAt;
      return this;
    }

    public Builder outcome(Outcome outcome) {
      this.outcome = outcome;
      return this;
    }

    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    public DeploymentRecord build() {
      return new DeploymentRecord(
          id,
          cluster,
          namespace,
          kind,
          name,
          container,
          imageBefore,
          imageAfter,
          imageRequested,
          strategy,
          strategyParameters == null ? null : new TreeMap<>(strategyParameters),
          trigger,
          startedAt,
          finishedAt,
          outcome,
          reason);
    }
  }
}
