package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.WebhookDelivery;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link WebhookIntake} on an embedded history file. */
class WebhookIntakeTest {

  private static final String SECRET = "gh-secret-31c1";

  @TempDir Path dir;
  private HistoryStore store;
  private WebhookHistory history;
  private final AtomicInteger woken = new AtomicInteger();
  private WebhookIntake intake;

  @BeforeEach
  void open() {
    store = HistoryStore.open(HistoryDatabase.h2File(dir.resolve("history")));
    history = new WebhookHistory(store);
    intake = intake(HookSettings.DEFAULT_MAX_BODY, HookSettings.DEFAULT_RATE);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private WebhookIntake intake(int maxBody, int rate) {
    HookSettings hook =
        new HookSettings(
            "shop",
            WebhookSource.GITHUB,
            SECRET,
            null,
            List.of(
                Payloads.rule("web", "octo-org/shop", "*"),
                Payloads.rule("worker", "octo-org/*", "1.*")),
            maxBody,
            rate);
    return new WebhookIntake(List.of(hook), history, Clock.systemUTC(), woken::incrementAndGet);
  }

  @Test
  void accepted_isStoredWithItsTriggersBeforeTheAnswer_andWakesTheProcessor() {
    WebhookAnswer answer = send("package", "d-1", Payloads.read("github-package-published.json"));
    assertThat(answer.status()).isEqualTo(202);
    String id = answer.body().path("delivery").asText();
    WebhookDelivery stored = history.find(id).orElseThrow();
    assertThat(stored.status()).isEqualTo("ACCEPTED");
    assertThat(stored.verification()).isEqualTo("VERIFIED");
    assertThat(stored.dedupeKey()).isEqualTo("github:490211:d-1");
    assertThat(stored.headersJson()).contains("X-GitHub-Event").doesNotContain("Signature");
    assertThat(history.triggers(id))
        .extracting(t -> t.rule() + " " + t.status() + " " + t.image())
        .containsExactly(
            "web PENDING ghcr.io/octo-org/shop@" + Payloads.DIGEST,
            "worker PENDING ghcr.io/octo-org/shop@" + Payloads.DIGEST);
    assertThat(woken).hasValue(1);
  }

  @Test
  void duplicate_isAnswered200WithTheFirstDelivery_andStoresNothing() {
    byte[] body = Payloads.read("github-package-published.json");
    String first = send("package", "d-2", body).body().path("delivery").asText();
    WebhookAnswer again = send("package", "d-2", body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.outcome()).isEqualTo("duplicate");
    assertThat(again.body().path("delivery").asText()).isEqualTo(first);
    assertThat(history.recent(10)).hasSize(1);
    assertThat(woken).hasValue(1);
  }

  @Test
  void ignored_isAnswered200WithItsReason_andRecorded() {
    WebhookAnswer answer = send("ping", "d-3", Payloads.read("github-ping.json"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.outcome()).isEqualTo("ignored");
    assertThat(history.find(answer.body().path("delivery").asText()).orElseThrow().status())
        .isEqualTo("IGNORED");
    assertThat(woken).hasValue(0);
  }

  @Test
  void noMatchingRule_isIgnored_sayingWhatWasPushed() {
    byte[] body =
        new String(Payloads.read("github-package-published.json"))
            .replace("\"Octo-Org\"", "\"other-org\"")
            .getBytes();
    WebhookAnswer answer = send("package", "d-4", body);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("reason").asText())
        .contains("no trigger rule", "other-org/shop:1.4.0");
  }

  @Test
  void refused_isAnswered401_andRecordedWithoutKeyOrPushes() {
    byte[] body = Payloads.read("github-package-published.json");
    var headers = Payloads.gitHub("package", "d-5", "wrong", body);
    WebhookAnswer answer =
        intake.receive("github", "shop", headers, new ByteArrayInputStream(body), null);
    assertThat(answer.status()).isEqualTo(401);
    WebhookDelivery stored = history.find(answer.body().path("delivery").asText()).orElseThrow();
    assertThat(stored.verification()).isEqualTo("REFUSED");
    assertThat(stored.dedupeKey()).isNull();
    assertThat(stored.eventsJson()).isEqualTo("[]");
    // a refused delivery does not block the real one with the same id
    assertThat(send("package", "d-5", body).status()).isEqualTo(202);
  }

  @Test
  void malformed_fromAnAuthenticatedSender_is400() {
    WebhookAnswer answer = send("package", "d-6", "{not json".getBytes());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.outcome()).isEqualTo("malformed");
  }

  @Test
  void oversize_is413_withoutReadingPastTheCap() {
    intake = intake(1024, HookSettings.DEFAULT_RATE);
    AtomicInteger read = new AtomicInteger();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return ' ';
          }
        };
    WebhookAnswer answer = intake.receive("github", "shop", Map.of(), endless, null);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(read.get()).isLessThan(1024 + 8192 + 1);
  }

  @Test
  void overTheRate_is429() {
    intake = intake(HookSettings.DEFAULT_MAX_BODY, 1);
    byte[] body = Payloads.read("github-ping.json");
    // the bucket holds two (a burst of twice the rate); the third in the same instant is refused
    int limited = 0;
    for (int i = 0; i < 3; i++) {
      if (send("ping", "r-" + i, body).status() == 429) {
        limited++;
      }
    }
    assertThat(limited).isEqualTo(1);
  }

  @Test
  void unknownHookOrWrongSource_is404() {
    byte[] body = Payloads.read("github-ping.json");
    assertThat(
            intake
                .receive("github", "nope", Map.of(), new ByteArrayInputStream(body), null)
                .status())
        .isEqualTo(404);
    assertThat(
            intake
                .receive("gitlab", "shop", Map.of(), new ByteArrayInputStream(body), null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void historyDown_is503_soTheSenderRetries_neverA202ThatCouldBeLost() {
    store.close();
    WebhookAnswer answer = send("package", "d-7", Payloads.read("github-package-published.json"));
    assertThat(answer.status()).isEqualTo(503);
  }

  @Test
  void redeliver_replaysTheStoredPushes_underANewDelivery() {
    String first =
        send("package", "d-8", Payloads.read("github-package-published.json"))
            .body()
            .path("delivery")
            .asText();
    WebhookAnswer again = intake.redeliver(first);
    assertThat(again.status()).isEqualTo(202);
    String second = again.body().path("delivery").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(history.find(second).orElseThrow().redeliveryOf()).isEqualTo(first);
    assertThat(history.triggers(second)).hasSize(2);
  }

  private WebhookAnswer send(String event, String delivery, byte[] body) {
    return intake.receive(
        "github",
        "shop",
        Payloads.gitHub(event, delivery, SECRET, body),
        new ByteArrayInputStream(body),
        null);
  }
}
