package io.jenkins.plugins.containercloud.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One webhook delivery as recorded: where it came from, how it was verified, what it said (the
 * pushes parsed from it, as JSON) and where its processing stands. Never the body or a secret.
 *
 * @param dedupeKey the sender's de-duplication key, null for a refused delivery
 * @param verification {@code VERIFIED} or {@code REFUSED}
 * @param status {@code ACCEPTED}, {@code PROCESSED}, {@code IGNORED} or {@code REFUSED}
 * @param headersJson the headers that matter (event, delivery ids, user agent), as a JSON object
 * @param eventsJson the pushes parsed from the body, as a JSON array
 * @param redeliveryOf the delivery this one replays from the history, or null
 */
public record WebhookDelivery(
    String id,
    String source,
    String hook,
    String dedupeKey,
    String event,
    Instant receivedAt,
    String bodySha256,
    int bodySize,
    String verification,
    String status,
    String reason,
    String headersJson,
    String eventsJson,
    String redeliveryOf) {

  public WebhookDelivery {
    id = Fields.uuid("id", id);
    source = Fields.required("source", source, 16);
    hook = Fields.required("hook", hook, 63);
    dedupeKey = Fields.optional("dedupeKey", dedupeKey, 255);
    event = Fields.truncated(event, 128);
    receivedAt = Fields.micros(Objects.requireNonNull(receivedAt, "receivedAt"));
    verification = Fields.required("verification", verification, 16);
    status = Fields.required("status", status, 16);
    reason = Fields.truncated(reason, Fields.REASON);
    headersJson = Fields.required("headersJson", headersJson, 4000);
    eventsJson = Fields.required("eventsJson", eventsJson, 1_000_000);
  }
}
