package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * GitLab: the signing token's Standard Webhooks signature ({@code webhook-id}, {@code
 * webhook-timestamp}, {@code webhook-signature}) when the delivery carries one, else {@code
 * X-Gitlab-Token}; Push Hook and Tag Push Hook become {@link CodePushed} at {@code checkout_sha}.
 */
final class GitLabReceiver implements Receiver {

  private static final String ZEROS = "0".repeat(40);

  private final ReplayGuard replays;

  GitLabReceiver(ReplayGuard replays) {
    this.replays = replays;
  }

  @Override
  public void verify(
      HookSettings hook, WebhookHeaders headers, byte[] body, String pathSecret, Instant now)
      throws DeliveryRefused {
    String signature = headers.nonBlank("webhook-signature");
    if (hook.signingToken() != null && signature != null) {
      verifySignature(hook.signingToken(), headers, signature, body, now);
      return;
    }
    if (hook.secret() == null) {
      throw new DeliveryRefused(
          "webhook-signature is missing: this hook has a signing token; GitLab signs with it once"
              + " it is set on the hook");
    }
    String token = headers.get("X-Gitlab-Token");
    if (token == null) {
      throw new DeliveryRefused(
          "X-Gitlab-Token is missing: set the hook's Secret token in GitLab to this server's"
              + " secret of hook "
              + hook.name());
    }
    if (!Signatures.same(token, hook.secret())) {
      throw new DeliveryRefused("X-Gitlab-Token is not this hook's secret token");
    }
  }

  private void verifySignature(
      String signingToken, WebhookHeaders headers, String signatures, byte[] body, Instant now)
      throws DeliveryRefused {
    String id = headers.nonBlank("webhook-id");
    String timestamp = headers.nonBlank("webhook-timestamp");
    if (id == null || timestamp == null) {
      throw new DeliveryRefused(
          "webhook-id and webhook-timestamp must come with webhook-signature");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new DeliveryRefused("webhook-timestamp is not a number of seconds");
    }
    if (Math.abs(now.getEpochSecond() - seconds) > ReplayGuard.WINDOW.toSeconds()) {
      throw new DeliveryRefused(
          "webhook-timestamp is more than "
              + ReplayGuard.WINDOW.toMinutes()
              + " minutes from this server's clock ("
              + Duration.ofSeconds(Math.abs(now.getEpochSecond() - seconds)).toMinutes()
              + " min): a replay, or a clock to set right");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(signingToken.substring("whsec_".length()));
    } catch (IllegalArgumentException e) {
      throw new DeliveryRefused("this hook's signing token is not whsec_ and base64");
    }
    String expected =
        Base64.getEncoder()
            .encodeToString(
                Signatures.hmacSha256(
                    key, (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
    boolean matched = false;
    // Several signatures may be sent (a token being rotated): any v1 one that matches will do; all
    // are compared, so the time taken does not say which.
    for (String candidate : signatures.split(" ")) {
      if (candidate.startsWith("v1,")) {
        matched |= Signatures.same(candidate.substring(3), expected);
      }
    }
    if (!matched) {
      throw new DeliveryRefused("webhook-signature does not match: the signing tokens differ");
    }
    if (!replays.firstTime(id, timestamp, now)) {
      throw new DeliveryRefused("a replay: this signed delivery was received before");
    }
  }

  @Override
  public ParsedDelivery parse(WebhookHeaders headers, byte[] body) throws MalformedDelivery {
    Map<String, String> recorded =
        Receiver.recorded(
            headers,
            "X-Gitlab-Event",
            "X-Gitlab-Webhook-UUID",
            "X-Gitlab-Event-UUID",
            "Idempotency-Key",
            "webhook-id",
            "X-Gitlab-Instance",
            "User-Agent");
    String event = headers.nonBlank("X-Gitlab-Event");
    if (event == null) {
      throw new MalformedDelivery("X-Gitlab-Event is missing");
    }
    Receiver.requireContentType(headers, "GitLab sends application/json", "application/json");
    JsonNode root = Json.object(body);
    String kind = Json.text(root, "object_kind");
    String key = key(headers, root);
    boolean push =
        event.equals("Push Hook")
            || event.equals("Tag Push Hook")
            || (event.equals("System Hook") && ("push".equals(kind) || "tag_push".equals(kind)));
    if (!push) {
      return ParsedDelivery.ignored(
          event,
          key,
          "the " + event + " event deploys nothing; only Push Hook and Tag Push Hook do",
          recorded);
    }
    String ref = Json.required(root, "ref");
    String repository = Json.required(root, "project.path_with_namespace");
    // checkout_sha is the commit even for an annotated tag, whose "after" is the tag object; it is
    // null when the ref was deleted.
    String commit = Json.text(root, "checkout_sha");
    if (commit == null || ZEROS.equals(Json.text(root, "after"))) {
      return ParsedDelivery.ignored(event, key, ref + " was deleted", recorded);
    }
    String cloneUrl = Json.text(root, "project.git_http_url");
    return ParsedDelivery.pushes(
        event, key, List.of(new CodePushed(repository, ref, commit, cloneUrl)), recorded);
  }

  /**
   * {@code Idempotency-Key} (stable across retries and "Resend Request") scoped by the hook's UUID;
   * older GitLab: {@code X-Gitlab-Event-UUID}; last: the project, ref and commit.
   */
  private static String key(WebhookHeaders headers, JsonNode root) throws MalformedDelivery {
    String scope = headers.nonBlank("X-Gitlab-Webhook-UUID");
    String idempotency = headers.nonBlank("Idempotency-Key");
    if (idempotency != null) {
      return Receiver.key("gitlab", (scope == null ? "" : scope) + ":" + idempotency);
    }
    String eventUuid = headers.nonBlank("X-Gitlab-Event-UUID");
    if (eventUuid != null) {
      return Receiver.key("gitlab", (scope == null ? "" : scope) + ":event:" + eventUuid);
    }
    JsonNode project = root.get("project_id");
    return Receiver.key(
        "gitlab",
        "project:"
            + (project == null ? "" : project.asText())
            + ":"
            + Json.text(root, "ref")
            + ":"
            + Json.text(root, "checkout_sha"));
  }
}
