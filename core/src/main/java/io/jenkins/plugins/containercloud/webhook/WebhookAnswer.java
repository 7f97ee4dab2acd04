package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The HTTP answer to a delivery, for the host to send as is: 202 accepted, 200 ignored or
 * duplicate, 401 refused, 400 malformed, 404 no such hook, 413 too large, 429 too many, 503 when
 * the history cannot store it (the sender retries later).
 */
public record WebhookAnswer(int status, ObjectNode body) {

  /** The body as JSON text. */
  public String json() {
    return body.toString();
  }

  /**
   * {@code accepted}, {@code ignored}, {@code duplicate}, {@code refused}, …: the body's status.
   */
  public String outcome() {
    return body.path("status").asText();
  }

  /** An answer with this status, outcome word and reason (null for none). */
  public static WebhookAnswer of(int status, String outcome, String reason) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("status", outcome);
    if (reason != null) {
      body.put("reason", reason);
    }
    return new WebhookAnswer(status, body);
  }
}
