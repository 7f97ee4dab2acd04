package io.jenkins.plugins.containercloud.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a deployment as it happened ("scaled web-2 to 3", "rollback started"). The caller
 * numbers a deployment's events from 1; a write of an event whose number is already stored changes
 * nothing, which makes retried writes harmless.
 */
public record DeploymentEvent(
    String deploymentId, int sequence, Instant time, String type, String message) {

  public DeploymentEvent {
    deploymentId = Fields.uuid("deploymentId", deploymentId);
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
    }
    time = Fields.micros(Objects.requireNonNull(time, "time"));
    type = Fields.required("type", type, Fields.EVENT_TYPE);
    message = Fields.truncated(message == null ? "" : message, Fields.EVENT_MESSAGE);
  }
}
