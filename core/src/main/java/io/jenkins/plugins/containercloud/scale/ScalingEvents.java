package io.jenkins.plugins.containercloud.scale;

import io.jenkins.plugins.containercloud.history.ScalingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The names of the autoscaler's events and a builder for them. Events about one thing that happens
 * once (a machine joined, a node drained) get an id derived from it, so a repeat records nothing.
 */
public final class ScalingEvents {

  public static final String SCALE_UP_REQUESTED = "SCALE_UP_REQUESTED";
  public static final String SCALE_UP_CREATED = "SCALE_UP_CREATED";
  public static final String SCALE_UP_FAILED = "SCALE_UP_FAILED";
  public static final String NO_SCALE_UP = "NO_SCALE_UP";
  public static final String POOL_UNAVAILABLE = "POOL_UNAVAILABLE";
  public static final String MACHINE_JOINED = "MACHINE_JOINED";
  public static final String NODE_CORDONED = "NODE_CORDONED";
  public static final String SCALE_DOWN_BLOCKED = "SCALE_DOWN_BLOCKED";
  public static final String NODE_DRAINED = "NODE_DRAINED";
  public static final String NODE_DELETED = "NODE_DELETED";
  public static final String MACHINE_TERMINATED = "MACHINE_TERMINATED";
  public static final String MACHINE_COLLECTED = "MACHINE_COLLECTED";

  /** A machine made for a scale-up, with its pool's template revision as the reason. */
  public static final String MACHINE_ORDERED = "MACHINE_ORDERED";

  public static final String UPGRADE_STARTED = "UPGRADE_STARTED";
  public static final String UPGRADE_NODE_REPLACED = "UPGRADE_NODE_REPLACED";
  public static final String UPGRADE_FINISHED = "UPGRADE_FINISHED";

  /** How a {@link #MACHINE_ORDERED} event's reason begins; the revision follows. */
  static final String REVISION_REASON = "template revision ";

  private ScalingEvents() {}

  /** An event with a fresh id. */
  static Builder event(String type, NodePool pool, Instant at) {
    return new Builder(UUID.randomUUID().toString(), type, pool, at);
  }

  /** An event whose id is derived from {@code type} and {@code subject}: recorded once. */
  static Builder once(String type, String subject, NodePool pool, Instant at) {
    String id =
        UUID.nameUUIDFromBytes((type + "/" + subject).getBytes(StandardCharsets.UTF_8)).toString();
    return new Builder(id, type, pool, at);
  }

  /** Fills an event's optional fields. */
  static final class Builder {
    private final String id;
    private final String type;
    private final NodePool pool;
    private final Instant at;
    private String key;
    private String machine;
    private String node;
    private int nodes;
    private String pods;
    private String reason;
    private Long millis;

    private Builder(String id, String type, NodePool pool, Instant at) {
      this.id = id;
      this.type = type;
      this.pool = pool;
      this.at = at;
    }

    Builder key(String value) {
      key = value;
      return this;
    }

    Builder machine(String value) {
      machine = value;
      return this;
    }

    Builder node(String value) {
      node = value;
      return this;
    }

    Builder nodes(int value) {
      nodes = value;
      return this;
    }

    Builder pods(List<String> value) {
      pods = String.join(",", value);
      return this;
    }

    Builder reason(String value) {
      reason = value;
      return this;
    }

    Builder took(Duration value) {
      millis = value.toMillis();
      return this;
    }

    ScalingEvent build() {
      return new ScalingEvent(
          id,
          pool.cluster(),
          pool.name(),
          at,
          type,
          key,
          machine,
          node,
          nodes,
          pods,
          reason,
          millis);
    }
  }
}
