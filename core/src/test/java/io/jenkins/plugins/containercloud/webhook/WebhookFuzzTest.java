package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided fuzzing of every receiver's verifier and parser through {@link
 * WebhookIntake#dryRun}: whatever the headers and body, nothing escapes as an exception (a 5xx),
 * every answer is one of the documented ones, and no delivery is answered 2xx unless its
 * authentication, recomputed here independently, is right. The fuzzer signs half of its bodies
 * correctly so that it reaches the parsers. Without JAZZER_FUZZ it replays the corpus (regression
 * mode); {@code ./test} and CI run it with a short fixed budget, and docs/testing.md says how to
 * run it longer.
 */
class WebhookFuzzTest {

  private static final String SECRET = "fuzz-secret";
  private static final String SIGNING = Payloads.signingToken();
  private static final Instant NOW = Instant.parse("2026-08-14T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Set<Integer> ANSWERS = Set.of(200, 202, 400, 401, 413);
  private static final List<String> NAMES =
      List.of(
          "Content-Type",
          "X-GitHub-Event",
          "X-GitHub-Delivery",
          "X-GitHub-Hook-ID",
          "X-Gitlab-Event",
          "X-Gitlab-Token",
          "Idempotency-Key",
          "X-Gitlab-Webhook-UUID",
          "webhook-id",
          "webhook-timestamp",
          "Authorization",
          "User-Agent");
  private static final List<String> SEEDS =
      List.of(
          "github-push.json",
          "github-annotated-tag.json",
          "github-package-published.json",
          "github-registry-package.json",
          "gitlab-push.json",
          "gitlab-tag-push.json",
          "dockerhub-push.json",
          "harbor-push-default.json",
          "harbor-push-cloudevents.json",
          "registry-v3-push.json",
          "registry-v2-blob-and-pull.json");
  private static final List<String> VALUES =
      List.of(
          "application/json",
          "application/cloudevents+json",
          RegistryReceiver.EVENTS_V1,
          RegistryReceiver.EVENTS_V2,
          "push",
          "package",
          "registry_package",
          "ping",
          "Push Hook",
          "Tag Push Hook",
          "System Hook",
          SECRET,
          "1786000000");

  @FuzzTest(maxDuration = "30s")
  void anyDelivery_getsADocumentedAnswer_andNoneIsAcceptedUnauthenticated(FuzzedDataProvider data) {
    WebhookSource source = data.pickValue(WebhookSource.values());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      String value = data.consumeBoolean() ? data.pickValue(VALUES) : data.consumeString(40);
      headers.put(data.pickValue(NAMES), List.of(value));
    }
    boolean sign = data.consumeBoolean();
    String pathSecret = data.consumeBoolean() ? SECRET : data.consumeString(20);
    byte[] body = data.consumeBoolean() ? mutated(data) : data.consumeRemainingAsBytes();
    if (sign) {
      sign(source, headers, body);
    }
    HookSettings hook =
        HookSettings.of(
            "fuzz",
            source,
            SECRET,
            source == WebhookSource.GITLAB ? SIGNING : null,
            List.of(Payloads.rule("any", "**", null)));

    WebhookAnswer answer =
        WebhookIntake.dryRun(hook, WebhookHeaders.of(headers), body, pathSecret, CLOCK);

    assertThat(ANSWERS).contains(answer.status());
    // A refusal never tells the expected secret (a verified sender's own header may be echoed).
    assertThat(answer.json()).doesNotContain(SIGNING);
    if (answer.status() == 401) {
      assertThat(answer.json()).doesNotContain(SECRET);
    }
    if (answer.status() < 300) {
      assertThat(authentic(source, WebhookHeaders.of(headers), body, pathSecret))
          .as("a %s delivery answered %d is authentic", source, answer.status())
          .isTrue();
    }
  }

  /**
   * A realistic payload with one stretch replaced by fuzzed text: Jackson is not instrumented, so
   * blind bytes seldom become JSON that reaches the parsers' field checks.
   */
  private static byte[] mutated(FuzzedDataProvider data) {
    String seed = new String(Payloads.read(data.pickValue(SEEDS)), StandardCharsets.UTF_8);
    int at = data.consumeInt(0, seed.length());
    int cut = Math.min(seed.length(), at + data.consumeInt(0, 40));
    return (seed.substring(0, at) + data.consumeString(40) + seed.substring(cut))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Signs or authenticates the delivery the way its sender would. */
  private static void sign(WebhookSource source, Map<String, List<String>> headers, byte[] body) {
    switch (source) {
      case GITHUB ->
          headers.put("X-Hub-Signature-256", List.of(Payloads.gitHubSignature(SECRET, body)));
      case GITLAB -> {
        headers.put("webhook-id", List.of("msg"));
        headers.put("webhook-timestamp", List.of(Long.toString(NOW.getEpochSecond())));
        headers.put(
            "webhook-signature",
            List.of(Payloads.gitLabSignature(SIGNING, "msg", NOW.getEpochSecond(), body)));
      }
      case HARBOR, REGISTRY -> headers.put("Authorization", List.of(SECRET));
      case DOCKERHUB -> {}
    }
  }

  /** The oracle: the authentication each sender's documentation defines, computed here. */
  private static boolean authentic(
      WebhookSource source, WebhookHeaders headers, byte[] body, String pathSecret) {
    return switch (source) {
      case GITHUB ->
          Payloads.gitHubSignature(SECRET, body)
              .equalsIgnoreCase(headers.get("X-Hub-Signature-256"));
      case GITLAB -> {
        String signature = headers.get("webhook-signature");
        if (signature == null) {
          yield SECRET.equals(headers.get("X-Gitlab-Token"));
        }
        String id = headers.get("webhook-id");
        String ts = headers.get("webhook-timestamp");
        byte[] key = Base64.getDecoder().decode(SIGNING.substring(6));
        String expected =
            "v1,"
                + Base64.getEncoder()
                    .encodeToString(
                        Signatures.hmacSha256(
                            key, (id + "." + ts + ".").getBytes(StandardCharsets.UTF_8), body));
        yield List.of(signature.split(" ")).contains(expected);
      }
      case DOCKERHUB -> SECRET.equals(pathSecret);
      case HARBOR, REGISTRY -> SECRET.equals(headers.get("Authorization"));
    };
  }
}
