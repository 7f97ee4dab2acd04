package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link GitLabReceiver}. */
class GitLabReceiverTest {

  private static final String TOKEN = "gl-hook-token-8f2a";
  private static final Instant NOW = Instant.parse("2026-08-14T08:05:00Z");

  private final ReplayGuard replays = new ReplayGuard();
  private final GitLabReceiver receiver = new GitLabReceiver(replays);
  private final HookSettings tokenHook =
      HookSettings.of("shop", WebhookSource.GITLAB, TOKEN, null, List.of());
  private final HookSettings signedHook =
      HookSettings.of("shop", WebhookSource.GITLAB, null, Payloads.signingToken(), List.of());
  private final HookSettings bothHook =
      HookSettings.of("shop", WebhookSource.GITLAB, TOKEN, Payloads.signingToken(), List.of());
  private final byte[] body = Payloads.read("gitlab-push.json");

  @Test
  void verify_token_acceptsTheRightOne_refusesAWrongOrMissingOne() throws Exception {
    receiver.verify(tokenHook, Payloads.headers("X-Gitlab-Token", TOKEN), body, null, NOW);
    assertThatThrownBy(
            () ->
                receiver.verify(
                    tokenHook, Payloads.headers("X-Gitlab-Token", TOKEN + "x"), body, null, NOW))
        .isInstanceOf(DeliveryRefused.class)
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> receiver.verify(tokenHook, Payloads.headers(), body, null, NOW))
        .hasMessageContaining("X-Gitlab-Token is missing");
  }

  @Test
  void verify_signature_acceptsAFreshSignedDelivery() throws Exception {
    long ts = NOW.getEpochSecond();
    receiver.verify(signedHook, signed("msg_1", ts, body), body, null, NOW);
  }

  @Test
  void verify_signature_acceptsAnyOfSeveralSignatures() throws Exception {
    long ts = NOW.getEpochSecond();
    String good = Payloads.gitLabSignature(Payloads.signingToken(), "msg_2", ts, body);
    receiver.verify(
        signedHook,
        Payloads.headers(
            "webhook-id",
            "msg_2",
            "webhook-timestamp",
            Long.toString(ts),
            "webhook-signature",
            "v1,AAAA " + good),
        body,
        null,
        NOW);
  }

  @Test
  void verify_signature_refusesAWrongSignature() {
    long ts = NOW.getEpochSecond();
    WebhookHeaders headers =
        Payloads.headers(
            "webhook-id", "msg_3",
            "webhook-timestamp", Long.toString(ts),
            "webhook-signature",
                Payloads.gitLabSignature(Payloads.signingToken(), "msg_other", ts, body));
    assertThatThrownBy(() -> receiver.verify(signedHook, headers, body, null, NOW))
        .isInstanceOf(DeliveryRefused.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void verify_signature_refusesATimestampOutsideFiveMinutes() {
    long old = NOW.minusSeconds(301).getEpochSecond();
    assertThatThrownBy(
            () -> receiver.verify(signedHook, signed("msg_4", old, body), body, null, NOW))
        .isInstanceOf(DeliveryRefused.class)
        .hasMessageContaining("5 minutes");
    long future = NOW.plusSeconds(301).getEpochSecond();
    assertThatThrownBy(
            () -> receiver.verify(signedHook, signed("msg_5", future, body), body, null, NOW))
        .isInstanceOf(DeliveryRefused.class);
  }

  @Test
  void verify_signature_refusesAReplayOfTheSameSignedDelivery() throws Exception {
    long ts = NOW.getEpochSecond();
    WebhookHeaders headers = signed("msg_6", ts, body);
    receiver.verify(signedHook, headers, body, null, NOW);
    assertThatThrownBy(() -> receiver.verify(signedHook, headers, body, null, NOW.plusSeconds(10)))
        .isInstanceOf(DeliveryRefused.class)
        .hasMessageContaining("replay");
    // GitLab's own retry is signed anew: accepted here, then answered as a duplicate by its key.
    receiver.verify(signedHook, signed("msg_6", ts + 30, body), body, null, NOW.plusSeconds(30));
  }

  @Test
  void verify_signingTokenOnly_refusesAnUnsignedDelivery() {
    assertThatThrownBy(
            () ->
                receiver.verify(
                    signedHook, Payloads.headers("X-Gitlab-Token", TOKEN), body, null, NOW))
        .isInstanceOf(DeliveryRefused.class)
        .hasMessageContaining("webhook-signature is missing");
  }

  @Test
  void verify_bothTokens_fallsBackToTheTokenWithoutSignature() throws Exception {
    receiver.verify(bothHook, Payloads.headers("X-Gitlab-Token", TOKEN), body, null, NOW);
    long ts = NOW.getEpochSecond();
    receiver.verify(bothHook, signed("msg_7", ts, body), body, null, NOW);
  }

  @Test
  void parse_push_andTagPush_giveTheCheckoutCommit() throws Exception {
    ParsedDelivery push = receiver.parse(headers("Push Hook"), body);
    assertThat(push.pushes())
        .containsExactly(
            new CodePushed(
                "team/shop",
                "refs/heads/main",
                "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                "https://gitlab.example.com/team/shop.git"));
    ParsedDelivery tag =
        receiver.parse(headers("Tag Push Hook"), Payloads.read("gitlab-tag-push.json"));
    // The annotated tag's "after" is the tag object; checkout_sha is the commit.
    assertThat(((CodePushed) tag.pushes().get(0)).commit())
        .isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
  }

  @Test
  void parse_deletedTag_isIgnored() throws Exception {
    assertThat(
            receiver
                .parse(headers("Tag Push Hook"), Payloads.read("gitlab-tag-deleted.json"))
                .ignoredReason())
        .contains("deleted");
  }

  @Test
  void parse_otherEvents_areIgnored_soGitLabKeepsTheHook() throws Exception {
    assertThat(receiver.parse(headers("Merge Request Hook"), body).ignoredReason())
        .contains("Merge Request Hook");
  }

  @Test
  void parse_dedupeKey_isTheIdempotencyKeyScopedByHook_withFallbacks() throws Exception {
    WebhookHeaders full =
        Payloads.headers(
            "X-Gitlab-Event", "Push Hook",
            "Content-Type", "application/json",
            "X-Gitlab-Webhook-UUID", "hook-uuid",
            "Idempotency-Key", "idem-1",
            "X-Gitlab-Event-UUID", "event-uuid");
    assertThat(receiver.parse(full, body).dedupeKey()).isEqualTo("gitlab:hook-uuid:idem-1");
    WebhookHeaders old =
        Payloads.headers(
            "X-Gitlab-Event", "Push Hook",
            "Content-Type", "application/json",
            "X-Gitlab-Event-UUID", "event-uuid");
    assertThat(receiver.parse(old, body).dedupeKey()).isEqualTo("gitlab::event:event-uuid");
    assertThat(receiver.parse(headers("Push Hook"), body).dedupeKey())
        .isEqualTo("gitlab:project:15:refs/heads/main:da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
  }

  @Test
  void parse_refusesMissingEventHeader_wrongContentType_andMalformedJson() {
    assertThatThrownBy(
            () -> receiver.parse(Payloads.headers("Content-Type", "application/json"), body))
        .isInstanceOf(MalformedDelivery.class)
        .hasMessageContaining("X-Gitlab-Event");
    assertThatThrownBy(
            () ->
                receiver.parse(
                    Payloads.headers("X-Gitlab-Event", "Push Hook", "Content-Type", "text/plain"),
                    body))
        .hasMessageContaining("Content-Type");
    assertThatThrownBy(() -> receiver.parse(headers("Push Hook"), "{".getBytes()))
        .hasMessageContaining("not valid JSON");
  }

  private static WebhookHeaders headers(String event) {
    return Payloads.headers("X-Gitlab-Event", event, "Content-Type", "application/json");
  }

  private static WebhookHeaders signed(String id, long timestamp, byte[] body) {
    return Payloads.headers(
        "webhook-id", id,
        "webhook-timestamp", Long.toString(timestamp),
        "webhook-signature",
            Payloads.gitLabSignature(Payloads.signingToken(), id, timestamp, body));
  }
}
