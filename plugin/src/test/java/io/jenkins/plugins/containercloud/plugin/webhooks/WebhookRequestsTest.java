package io.jenkins.plugins.containercloud.plugin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.TriggerRule;
import io.jenkins.plugins.containercloud.webhook.WebhookAnswer;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import io.jenkins.plugins.containercloud.webhook.WebhookSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link WebhookRequests}: Jenkins' endpoint hands deliveries to the same intake as
 * {@code serve}, on a real history file, and sends its answers back unchanged.
 */
class WebhookRequestsTest {

  private static final String AUTH = "Bearer reg-token";
  private static final String HUB_SECRET = "hub-path-secret-7f3a";

  @TempDir Path dir;
  private HistoryStore store;
  private WebhookHistory history;
  private WebhookIntake intake;
  private WebhookRequests requests;
  private final List<String> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(
              record.getMessage()
                  + " "
                  + java.util.Arrays.toString(record.getParameters())
                  + " "
                  + record.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void open() {
    store = HistoryStore.open(HistoryDatabase.h2File(dir.resolve("history")));
    history = new WebhookHistory(store);
    TriggerRule rule =
        new TriggerRule(
            "web",
            "team/*",
            null,
            null,
            new TriggerRule.RuleTarget("prod", "shop", "Deployment", "web", null),
            null);
    intake =
        new WebhookIntake(
            List.of(
                new HookSettings(
                    "main", WebhookSource.REGISTRY, AUTH, null, List.of(rule), 2048, 1000),
                HookSettings.of("hub", WebhookSource.DOCKERHUB, HUB_SECRET, null, List.of(rule)),
                new HookSettings(
                    "slow", WebhookSource.REGISTRY, AUTH, null, List.of(rule), 2048, 1)),
            history,
            Clock.systemUTC(),
            () -> {});
    requests = new WebhookRequests(() -> intake);
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void close() {
    Logger.getLogger("").removeHandler(capture);
    intake.close();
    store.close();
  }

  @Test
  void anAuthenticPush_isAccepted202_andStoredBeforeTheAnswer() {
    WebhookAnswer answer = post("/registry/main", AUTH, push("e-1", "1.0"));

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.outcome()).isEqualTo("accepted");
    String id = answer.body().path("delivery").asText();
    assertThat(history.find(id)).isPresent();
    assertThat(history.triggers(id)).hasSize(1);
  }

  @Test
  void theSameDeliveryAgain_is200Duplicate() {
    post("/registry/main", AUTH, push("e-2", "1.0"));
    WebhookAnswer again = post("/registry/main", AUTH, push("e-2", "1.0"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.outcome()).isEqualTo("duplicate");
  }

  @Test
  void aWrongSecret_is401_andStoredAsRefused() {
    WebhookAnswer answer = post("/registry/main", "Bearer wrong", push("e-3", "1.0"));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(history.find(answer.body().path("delivery").asText()).orElseThrow().verification())
        .isEqualTo("REFUSED");
  }

  @Test
  void senderMadeInput_isAnswered4xx_never5xx() {
    assertThat(post("/registry/main", AUTH, "{not json".getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(400);
    assertThat(post("/registry/main", AUTH, new byte[4096]).status()).isEqualTo(413);
    assertThat(post("/registry/nobody", AUTH, push("e-4", "1.0")).status()).isEqualTo(404);
    assertThat(post("/github/main", AUTH, push("e-5", "1.0")).status()).isEqualTo(404);
    assertThat(post("/registry/main/extra", AUTH, push("e-6", "1.0")).status()).isEqualTo(404);
    assertThat(post("/registry", AUTH, push("e-7", "1.0")).status()).isEqualTo(404);
    WebhookAnswer get =
        requests.answer("GET", "/registry/main", Map.of(), InputStream.nullInputStream());
    assertThat(get.status()).isEqualTo(405);
  }

  @Test
  void aBurstOverTheHooksRate_is429() {
    int limited = 0;
    for (int i = 0; i < 10; i++) {
      if (post("/registry/slow", AUTH, push("r-" + i, "1." + i)).status() == 429) {
        limited++;
      }
    }
    assertThat(limited).isPositive();
  }

  @Test
  void dockerHub_takesItsSecretInThePath_andNoLogOrAnswerShowsIt() {
    byte[] body =
        ("{\"push_data\":{\"pushed_at\":1786004521,\"pusher\":\"acme\",\"tag\":\"1.0\"},"
                + "\"repository\":{\"repo_name\":\"team/web\",\"namespace\":\"team\",\"name\":\"web\"}}")
            .getBytes(StandardCharsets.UTF_8);
    WebhookAnswer accepted = post("/dockerhub/hub/" + HUB_SECRET, null, body);
    WebhookAnswer refused = post("/dockerhub/hub/not-the-secret", null, body);
    WebhookAnswer noSecret = post("/dockerhub/hub", null, body);

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(noSecret.status()).isEqualTo(401);
    assertThat(List.of(accepted.json(), refused.json(), noSecret.json()))
        .noneMatch(json -> json.contains(HUB_SECRET));
    assertThat(logged).noneMatch(line -> line.contains(HUB_SECRET));
  }

  @Test
  void whenNoIntakeCanBeMade_theAnswerIs503_namingNoSecret() {
    WebhookRequests unavailable =
        new WebhookRequests(
            () -> {
              throw new IllegalArgumentException("webhook hub: credentialsId: no credentials");
            });

    WebhookAnswer answer =
        unavailable.answer(
            "POST",
            "/dockerhub/hub/" + HUB_SECRET,
            Map.of(),
            new ByteArrayInputStream(new byte[0]));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.json()).doesNotContain(HUB_SECRET);
    assertThat(logged).anyMatch(line -> line.contains("no credentials"));
    assertThat(logged).noneMatch(line -> line.contains(HUB_SECRET));
  }

  private WebhookAnswer post(String path, String authorization, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/vnd.docker.distribution.events.v2+json"));
    if (authorization != null) {
      headers.put("Authorization", List.of(authorization));
    } else {
      headers.put("Content-Type", List.of("application/json"));
    }
    return requests.answer("POST", path, headers, new ByteArrayInputStream(body));
  }

  private static byte[] push(String eventId, String tag) {
    return ("{\"events\":[{\"id\":\"%s\",\"action\":\"push\",\"target\":{\"mediaType\":"
            + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:%064x\","
            + "\"repository\":\"team/web\",\"tag\":\"%s\"},\"request\":{\"host\":"
            + "\"registry.example.com:5000\"}}]}")
        .formatted(eventId, tag.hashCode(), tag)
        .getBytes(StandardCharsets.UTF_8);
  }
}
