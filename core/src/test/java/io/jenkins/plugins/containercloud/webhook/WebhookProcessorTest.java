package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link WebhookProcessor} on an embedded history file, with a recording launcher. */
class WebhookProcessorTest {

  private static final String AUTH = "Bearer reg";

  @TempDir Path dir;
  private HistoryStore store;
  private WebhookHistory history;
  private final Launcher launcher = new Launcher();
  private WebhookProcessor processor;
  private WebhookIntake intake;

  @BeforeEach
  void open() {
    store = HistoryStore.open(HistoryDatabase.h2File(dir.resolve("history")));
    history = new WebhookHistory(store);
    HookSettings hook =
        HookSettings.of(
            "registry",
            WebhookSource.REGISTRY,
            AUTH,
            null,
            List.of(Payloads.rule("web", "team/*", null)));
    processor = new WebhookProcessor(history, launcher, ref -> ref + "-pinned", Clock.systemUTC());
    intake = new WebhookIntake(List.of(hook), history, Clock.systemUTC(), processor::wake);
  }

  @AfterEach
  void close() {
    launcher.release.countDown();
    processor.close();
    store.close();
  }

  @Test
  void eachAcceptedDelivery_runsOnce_recordedWithItsDeployment() {
    processor.start();
    launcher.release.countDown();
    String id = push("e-1", "1.0").body().path("delivery").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> history.triggers(id).get(0).status().equals("SUCCEEDED"));
    WebhookTriggerRow t = history.triggers(id).get(0);
    assertThat(launcher.runs).containsExactly(t.deploymentId());
    assertThat(history.find(id).orElseThrow().status()).isEqualTo("PROCESSED");
  }

  @Test
  void aBurstForOneWorkload_runsTheFirstAndTheNewest_andSupersedesTheRest() {
    processor.start();
    List<String> ids = new CopyOnWriteArrayList<>();
    ids.add(push("b-0", "1.0").body().path("delivery").asText());
    await().atMost(Duration.ofSeconds(20)).until(() -> launcher.runs.size() == 1);
    for (int i = 1; i <= 5; i++) {
      ids.add(push("b-" + i, "1." + i).body().path("delivery").asText());
    }
    // wait until the processor has seen all five while the first still runs
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> statuses(ids).stream().filter("SUPERSEDED"::equals).count() == 4);
    launcher.release.countDown();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                statuses(ids).stream().noneMatch(s -> s.equals("PENDING") || s.equals("RUNNING")));
    assertThat(statuses(ids))
        .containsExactly(
            "SUCCEEDED", "SUPERSEDED", "SUPERSEDED", "SUPERSEDED", "SUPERSEDED", "SUCCEEDED");
    assertThat(launcher.images).containsExactly(image("1.0"), image("1.5"));
  }

  @Test
  void afterACrash_aClaimedTriggerWhoseRolloutNeverStarted_runsUnderTheSameId_once() {
    String id = push("c-1", "2.0").body().path("delivery").asText();
    WebhookTriggerRow t = history.pending(10).get(0);
    String deploymentId = "0b8f3c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f";
    assertThat(history.claim(t, deploymentId, image("2.0"), Instant.now())).isTrue();
    // the process died here: no deployment is recorded under that id
    launcher.release.countDown();
    processor.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> history.triggers(id).get(0).status().equals("SUCCEEDED"));
    assertThat(launcher.runs).containsExactly(deploymentId);
  }

  @Test
  void afterACrash_aRolloutThatWasRunning_isRecordedInterrupted_notRunAgain() {
    String id = push("c-2", "3.0").body().path("delivery").asText();
    WebhookTriggerRow t = history.pending(10).get(0);
    String deploymentId = "1b8f3c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f";
    history.claim(t, deploymentId, image("3.0"), Instant.now());
    launcher.recorded.put(deploymentId, "RUNNING");
    launcher.release.countDown();
    processor.start();
    assertThat(history.triggers(id).get(0).status()).isEqualTo("INTERRUPTED");
    assertThat(launcher.runs).isEmpty();
  }

  @Test
  void aClaimMovesATriggerOnce_evenWhenTwoProcessesTry() {
    push("d-1", "4.0");
    WebhookTriggerRow t = history.pending(10).get(0);
    assertThat(history.claim(t, "2b8f3c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f", null, Instant.now()))
        .isTrue();
    assertThat(history.claim(t, "3b8f3c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f", null, Instant.now()))
        .isFalse();
    assertThat(history.supersede(t, "late", Instant.now())).isFalse();
  }

  private List<String> statuses(List<String> ids) {
    return ids.stream().map(i -> history.triggers(i).get(0).status()).toList();
  }

  private static String image(String tag) {
    return "registry.example.com:5000/team/web@sha256:" + "%064x".formatted(tag.hashCode());
  }

  private WebhookAnswer push(String eventId, String tag) {
    return Payloads.sendRegistryPush(intake, AUTH, eventId, tag);
  }

  /** Records what it runs; each rollout waits for {@link #release}. */
  private static final class Launcher implements RolloutLauncher {
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> runs = new CopyOnWriteArrayList<>();
    final List<String> images = new CopyOnWriteArrayList<>();
    final Map<String, String> recorded = new ConcurrentHashMap<>();

    @Override
    public Ended run(WebhookTriggerRow trigger, String image, String deploymentId) {
      runs.add(deploymentId);
      images.add(image);
      recorded.put(deploymentId, "RUNNING");
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("stopped");
      }
      recorded.put(deploymentId, "SUCCEEDED");
      return new Ended("SUCCEEDED", null);
    }

    @Override
    public Optional<String> recordedOutcome(String deploymentId) {
      return Optional.ofNullable(recorded.get(deploymentId));
    }
  }
}
