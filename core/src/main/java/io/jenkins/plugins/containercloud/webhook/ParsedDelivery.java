package io.jenkins.plugins.containercloud.webhook;

import java.util.List;
import java.util.Map;

/**
 * What a verified delivery says: its event, the key that identifies it across the sender's retries,
 * the pushes in it, and (for an event deliberately not acted on) why it is ignored.
 *
 * @param headers the headers worth recording (event, delivery ids, user agent), never a secret
 */
public record ParsedDelivery(
    String event,
    String dedupeKey,
    List<PushEvent> pushes,
    String ignoredReason,
    Map<String, String> headers) {

  public ParsedDelivery {
    pushes = List.copyOf(pushes);
    headers = Map.copyOf(headers);
  }

  /** A delivery that may trigger rollouts. */
  static ParsedDelivery pushes(
      String event, String key, List<PushEvent> pushes, Map<String, String> headers) {
    return new ParsedDelivery(event, key, pushes, null, headers);
  }

  /** A delivery acknowledged and deliberately not acted on. */
  static ParsedDelivery ignored(
      String event, String key, String reason, Map<String, String> headers) {
    return new ParsedDelivery(event, key, List.of(), reason, headers);
  }
}
