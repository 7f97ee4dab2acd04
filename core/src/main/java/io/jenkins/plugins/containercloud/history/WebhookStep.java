package io.jenkins.plugins.containercloud.history;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of a code-push pipeline (checkout, build, push, deploy): when it ran, how it ended
 * (RUNNING until then, SUCCEEDED or FAILED) and a one-sentence detail (what it made, or why it
 * failed); {@code logChars} says how long its stored output is (0: none), read with {@link
 * WebhookHistory#stepLogs}.
 */
public record WebhookStep(
    String deliveryId,
    int seq,
    String step,
    int position,
    String status,
    Instant startedAt,
    Instant endedAt,
    String detail,
    int logChars) {

  /** How long it took; null while it runs. */
  public Duration duration() {
    return endedAt == null ? null : Duration.between(startedAt, endedAt);
  }
}
