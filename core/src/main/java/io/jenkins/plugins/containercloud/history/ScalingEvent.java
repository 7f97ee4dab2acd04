package io.jenkins.plugins.containercloud.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the autoscaler's record: a decision or a step of a machine's life, with its reason
 * and how long it took. {@code type} is one of the autoscaler's event names ({@code
 * SCALE_UP_REQUESTED}, {@code NO_SCALE_UP}, {@code NODE_DRAINED}, ...); {@code requestKey} ties a
 * scale-up's events together (its idempotency key).
 */
public record ScalingEvent(
    String id,
    String cluster,
    String pool,
    Instant occurredAt,
    String type,
    String requestKey,
    String machineId,
    String nodeName,
    int nodes,
    String pods,
    String reason,
    Long durationMillis) {

  public ScalingEvent {
    id = Fields.uuid("id", id);
    cluster = Fields.required("cluster", cluster, Fields.CLUSTER);
    pool = Fields.required("pool", pool, 63);
    occurredAt = Fields.micros(Objects.requireNonNull(occurredAt, "occurredAt"));
    type = Fields.required("type", type, 32);
    requestKey = Fields.optional("requestKey", requestKey, 64);
    machineId = Fields.optional("machineId", machineId, 253);
    nodeName = Fields.optional("nodeName", nodeName, 253);
    pods = Fields.truncated(pods, Fields.REASON);
    reason = Fields.truncated(reason, Fields.REASON);
  }
}
