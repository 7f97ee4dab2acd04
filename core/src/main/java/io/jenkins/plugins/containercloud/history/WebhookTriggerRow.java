package io.jenkins.plugins.containercloud.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One rollout a webhook delivery triggers: the rule that matched, the workload, the image and
 * rollout parameters, and where it stands ({@code PENDING}, {@code RUNNING} with its deployment,
 * the deployment's outcome, or {@code SUPERSEDED}).
 */
public record WebhookTriggerRow(
    String deliveryId,
    int seq,
    String rule,
    String cluster,
    String namespace,
    String kind,
    String name,
    String container,
    String image,
    String parameters,
    String status,
    String deploymentId,
    String reason,
    Instant updatedAt) {

  public WebhookTriggerRow {
    deliveryId = Fields.uuid("deliveryId", deliveryId);
    rule = Fields.required("rule", rule, 63);
    cluster = Fields.required("cluster", cluster, Fields.CLUSTER);
    namespace = Fields.required("namespace", namespace, Fields.NAMESPACE);
    kind = Fields.required("kind", kind, Fields.KIND);
    name = Fields.required("name", name, Fields.NAME);
    container = Fields.optional("container", container, Fields.CONTAINER);
    image = Fields.required("image", image, Fields.IMAGE);
    parameters = Fields.required("parameters", parameters, 4000);
    status = Fields.required("status", status, 16);
    reason = Fields.truncated(reason, Fields.REASON);
    updatedAt = Fields.micros(Objects.requireNonNull(updatedAt, "updatedAt"));
  }

  /** The workload this trigger rolls out, as {@code cluster/namespace/Kind/name}. */
  public String workload() {
    return cluster + "/" + namespace + "/" + kind + "/" + name;
  }
}
