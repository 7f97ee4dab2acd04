package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link GitHubReceiver}. */
class GitHubReceiverTest {

  private static final String SECRET = "It's a Secret to Everybody";
  private static final Clock CLOCK = Clock.systemUTC();
  private final GitHubReceiver receiver = new GitHubReceiver();
  private final HookSettings hook =
      HookSettings.of(
          "shop",
          WebhookSource.GITHUB,
          SECRET,
          null,
          List.of(Payloads.rule("web", "octo-org/*", "*")));

  @Test
  void verify_acceptsGitHubsPublishedTestVector() throws Exception {
    byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    receiver.verify(
        hook,
        Payloads.headers(
            "X-Hub-Signature-256",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"),
        body,
        null,
        Instant.now());
    assertThat(Payloads.gitHubSignature(SECRET, body))
        .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  }

  @Test
  void verify_refusesAWrongSignature_andOneMadeWithAnotherSecret() {
    byte[] body = Payloads.read("github-push.json");
    assertThatThrownBy(
            () ->
                receiver.verify(
                    hook,
                    Payloads.headers(
                        "X-Hub-Signature-256", Payloads.gitHubSignature("other", body)),
                    body,
                    null,
                    Instant.now()))
        .isInstanceOf(DeliveryRefused.class)
        .hasMessageContaining("does not match")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void verify_refusesABodyChangedAfterSigning() {
    byte[] body = Payloads.read("github-push.json");
    byte[] changed =
        new String(body, StandardCharsets.UTF_8)
            .replace("main", "prod")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                receiver.verify(
                    hook,
                    Payloads.headers("X-Hub-Signature-256", Payloads.gitHubSignature(SECRET, body)),
                    changed,
                    null,
                    Instant.now()))
        .isInstanceOf(DeliveryRefused.class);
  }

  @Test
  void verify_refusesAMissingSignature_evenWithTheOldSha1One() {
    byte[] body = Payloads.read("github-push.json");
    assertThatThrownBy(
            () ->
                receiver.verify(
                    hook,
                    Payloads.headers("X-Hub-Signature", "sha1=0123"),
                    body,
                    null,
                    Instant.now()))
        .isInstanceOf(DeliveryRefused.class)
        .hasMessageContaining("X-Hub-Signature-256 is missing");
  }

  @Test
  void parse_push_givesTheHeadCommit() throws Exception {
    ParsedDelivery parsed = parse("push", "github-push.json");
    assertThat(parsed.pushes())
        .containsExactly(
            new CodePushed(
                "octo-org/shop",
                "refs/heads/main",
                "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
                "https://github.com/octo-org/shop.git"));
    assertThat(parsed.dedupeKey()).isEqualTo("github:490211:d-1");
  }

  @Test
  void parse_annotatedTag_takesTheCommitNotTheTagObject() throws Exception {
    ParsedDelivery parsed = parse("push", "github-annotated-tag.json");
    CodePushed push = (CodePushed) parsed.pushes().get(0);
    assertThat(push.commit()).isEqualTo("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c");
    assertThat(push.tag()).isEqualTo("v1.4.0");
  }

  @Test
  void parse_deletedBranch_isIgnored() throws Exception {
    assertThat(parse("push", "github-branch-deleted.json").ignoredReason()).contains("deleted");
  }

  @Test
  void parse_ping_isIgnoredWithAReason() throws Exception {
    assertThat(parse("ping", "github-ping.json").ignoredReason()).contains("hook works");
  }

  @Test
  void parse_ghcrPackage_givesTheLowerCasedImagePinnedByDigest() throws Exception {
    ParsedDelivery parsed = parse("package", "github-package-published.json");
    assertThat(parsed.pushes())
        .containsExactly(new ImagePushed("ghcr.io", "octo-org/shop", "1.4.0", Payloads.DIGEST));
  }

  @Test
  void parse_olderRegistryPackageEvent_isReadToo() throws Exception {
    ParsedDelivery parsed = parse("registry_package", "github-registry-package.json");
    assertThat(parsed.pushes())
        .containsExactly(new ImagePushed("ghcr.io", "octo-org/shop", "latest", Payloads.DIGEST));
  }

  @Test
  void parse_untaggedPlatformManifest_isIgnored_neverTakingTheDigestForATag() throws Exception {
    ParsedDelivery parsed = parse("package", "github-package-untagged.json");
    assertThat(parsed.pushes()).isEmpty();
    assertThat(parsed.ignoredReason()).contains("untagged");
  }

  @Test
  void parse_otherEvents_areIgnored() throws Exception {
    assertThat(parse("issues", "github-ping.json").ignoredReason()).contains("issues");
  }

  @Test
  void parse_refusesAFormEncodedBody_namingTheSetting() {
    byte[] body = Payloads.read("github-push.json");
    assertThatThrownBy(
            () ->
                receiver.parse(
                    Payloads.headers(
                        "X-GitHub-Event", "push",
                        "X-GitHub-Delivery", "d-1",
                        "Content-Type", "application/x-www-form-urlencoded"),
                    body))
        .isInstanceOf(MalformedDelivery.class)
        .hasMessageContaining("application/json");
  }

  @Test
  void parse_refusesMissingHeaders() {
    byte[] body = Payloads.read("github-push.json");
    assertThatThrownBy(
            () -> receiver.parse(Payloads.headers("Content-Type", "application/json"), body))
        .isInstanceOf(MalformedDelivery.class)
        .hasMessageContaining("X-GitHub-Event");
    assertThatThrownBy(
            () ->
                receiver.parse(
                    Payloads.headers("Content-Type", "application/json", "X-GitHub-Event", "push"),
                    body))
        .hasMessageContaining("X-GitHub-Delivery");
  }

  @Test
  void parse_refusesMalformedJson_andAPushWithoutItsFields() {
    assertThatThrownBy(() -> parseBody("push", "{\"ref\": ".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedDelivery.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> parseBody("push", "[1,2]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("JSON object");
    assertThatThrownBy(
            () -> parseBody("push", "{\"ref\":\"refs/heads/x\"}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("repository.full_name");
  }

  @Test
  void dryRun_answers202WithWhatItTriggers_forAGhcrPush() {
    byte[] body = Payloads.read("github-package-published.json");
    WebhookAnswer answer =
        WebhookIntake.dryRun(
            hook,
            WebhookHeaders.of(Payloads.gitHub("package", "d-2", SECRET, body)),
            body,
            null,
            CLOCK);
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().at("/triggers/0/image").asText())
        .isEqualTo("ghcr.io/octo-org/shop@" + Payloads.DIGEST);
    assertThat(answer.body().at("/triggers/0/workload").asText())
        .isEqualTo("prod/shop/Deployment/web");
  }

  @Test
  void dryRun_answers401ForAMissingSignature_andNever2xx() {
    byte[] body = Payloads.read("github-package-published.json");
    var headers = Payloads.gitHub("package", "d-3", SECRET, body);
    headers.remove("X-Hub-Signature-256");
    WebhookAnswer answer =
        WebhookIntake.dryRun(hook, WebhookHeaders.of(headers), body, null, CLOCK);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json()).doesNotContain(SECRET);
  }

  @Test
  void hookWithoutSecret_isRefusedAtConfiguration() {
    assertThatThrownBy(() -> HookSettings.of("open", WebhookSource.GITHUB, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give its secret");
  }

  private ParsedDelivery parse(String event, String file) throws MalformedDelivery {
    return parseBody(event, Payloads.read(file));
  }

  private ParsedDelivery parseBody(String event, byte[] body) throws MalformedDelivery {
    return receiver.parse(WebhookHeaders.of(Payloads.gitHub(event, "d-1", SECRET, body)), body);
  }
}
