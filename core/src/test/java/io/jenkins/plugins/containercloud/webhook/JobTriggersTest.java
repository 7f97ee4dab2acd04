package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for rules that start jobs ({@link JobTarget}) through the processor's {@link JobLauncher}
 * seam, on an embedded history file with a recording launcher.
 */
class JobTriggersTest {

  private static final String AUTH = "Bearer reg";
  private static final String GITHUB_SECRET = "It's a Secret to Everybody";

  @TempDir Path dir;
  private HistoryStore store;
  private WebhookHistory history;
  private final Jobs jobs = new Jobs();
  private WebhookProcessor processor;
  private WebhookIntake intake;

  @BeforeEach
  void open() {
    store = HistoryStore.open(HistoryDatabase.h2File(dir.resolve("history")));
    history = new WebhookHistory(store);
  }

  private void start(List<HookSettings> hooks) {
    processor =
        new WebhookProcessor(
            history,
            new UnusedRollouts(),
            ref -> ref.replaceAll(":[^:/]+$", "") + "@" + Payloads.DIGEST,
            null,
            jobs,
            Clock.systemUTC());
    intake = new WebhookIntake(hooks, history, Clock.systemUTC(), processor::wake);
    processor.start();
  }

  @AfterEach
  void close() {
    jobs.release.countDown();
    if (processor != null) {
      processor.close();
    }
    store.close();
  }

  @Test
  void aBurstOfPushes_startsOneBuildPerDelivery_eachNamingItsDelivery() {
    start(List.of(registryHook(jobRule("ci", false))));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      WebhookAnswer answer = push("e-" + i, "1." + i);
      assertThat(answer.status()).isEqualTo(202);
      assertThat(answer.body().path("triggers").get(0).path("workload").asText())
          .isEqualTo("jenkins/jobs/Job/team/web/main");
      ids.add(answer.body().path("delivery").asText());
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> jobs.queued.size() == 5);
    assertThat(jobs.queued)
        .extracting(JobLauncher.JobRequest::deliveryId)
        .containsExactlyElementsOf(ids);
    JobLauncher.JobRequest first = jobs.queued.get(0);
    assertThat(first.job()).isEqualTo("team/web/main");
    assertThat(first.source()).isEqualTo("registry");
    assertThat(first.hook()).isEqualTo("registry");
    assertThat(first.rule()).isEqualTo("ci");
    assertThat(first.parameters())
        .containsEntry("IMAGE", "registry.example.com:5000/team/web:1.0")
        .containsEntry("REPOSITORY", "team/web")
        .containsEntry("TAG", "1.0")
        .containsEntry("IMAGE_DIGEST", "sha256:%064x".formatted("1.0".hashCode()));
    for (String id : ids) {
      awaitStatus(id, "SUCCEEDED");
      WebhookTriggerRow t = history.triggers(id).get(0);
      assertThat(t.kind()).isEqualTo("Job");
      assertThat(t.name()).isEqualTo("team/web/main");
      assertThat(t.reason()).startsWith("team/web/main: queue item ");
      assertThat(t.deploymentId()).isNull();
      assertThat(history.find(id).orElseThrow().status()).isEqualTo("PROCESSED");
    }
  }

  @Test
  void newestWins_whileABuildRuns_onlyTheNewestDeliveryRunsNext_theOthersAreSuperseded() {
    start(List.of(registryHook(jobRule("ci", true))));
    String firstId = push("n-0", "2.0").body().path("delivery").asText();
    await().atMost(Duration.ofSeconds(20)).until(() -> jobs.queued.size() == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> history.triggers(firstId).get(0).reason() != null);
    assertThat(history.triggers(firstId).get(0).status()).isEqualTo("RUNNING");
    List<String> later = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      later.add(push("n-" + i, "2." + i).body().path("delivery").asText());
    }
    // The three in between are superseded while the first build still runs.
    for (String id : later.subList(0, 3)) {
      awaitStatus(id, "SUPERSEDED");
    }
    assertThat(jobs.queued).hasSize(1);
    jobs.release.countDown();
    String newest = later.get(3);
    awaitStatus(newest, "SUCCEEDED");
    assertThat(history.triggers(firstId).get(0).status()).isEqualTo("SUCCEEDED");
    assertThat(jobs.queued)
        .extracting(JobLauncher.JobRequest::deliveryId)
        .containsExactly(firstId, newest);
    assertThat(history.triggers(later.get(0)).get(0).reason()).contains(later.get(1));
  }

  @Test
  void aPushWithoutDigest_startsTheJobWithTheResolvedDigest() {
    TriggerRule rule =
        TriggerRule.startingJobs(
            "hub", "acme/*", null, null, new JobTarget(List.of("shop/deploy"), false, false));
    start(List.of(HookSettings.of("hub", WebhookSource.DOCKERHUB, "s3cret", null, List.of(rule))));
    WebhookAnswer answer =
        intake.receive(
            "dockerhub",
            "hub",
            Map.of("Content-Type", List.of("application/json")),
            new ByteArrayInputStream(Payloads.read("dockerhub-push.json")),
            "s3cret");
    assertThat(answer.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> jobs.queued.size() == 1);
    assertThat(jobs.queued.get(0).parameters())
        .containsEntry("IMAGE", "docker.io/acme/shop:1.4.0")
        .containsEntry("IMAGE_DIGEST", Payloads.DIGEST)
        .containsEntry("REGISTRY", "docker.io");
  }

  @Test
  void aCodePush_startsEveryJobTheRuleNames_withTheCommit() {
    TriggerRule rule =
        TriggerRule.startingJobs(
            "code",
            "octo-org/*",
            null,
            "main",
            new JobTarget(List.of("shop/build", "shop/scan"), true, false));
    start(List.of(HookSettings.of("gh", WebhookSource.GITHUB, GITHUB_SECRET, null, List.of(rule))));
    byte[] body = Payloads.read("github-push.json");
    WebhookAnswer answer =
        intake.receive(
            "github",
            "gh",
            Payloads.gitHub("push", "d1f0", GITHUB_SECRET, body),
            new ByteArrayInputStream(body),
            null);
    assertThat(answer.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> jobs.queued.size() == 2);
    assertThat(jobs.queued)
        .extracting(JobLauncher.JobRequest::job)
        .containsExactly("shop/build", "shop/scan");
    assertThat(jobs.queued.get(0).parameters())
        .containsEntry("GIT_COMMIT", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c")
        .containsEntry("GIT_REF", "refs/heads/main")
        .containsEntry("GIT_BRANCH", "main")
        .containsEntry("GIT_TAG", "")
        .containsEntry("REPOSITORY", "octo-org/shop")
        .containsEntry("GIT_URL", "https://github.com/octo-org/shop.git");
  }

  @Test
  void aJobThatCannotStart_failsItsTrigger_sayingWhy() {
    start(List.of(registryHook(jobRule("ci", false))));
    jobs.refuse = "no job named team/web/main";
    String id = push("f-1", "4.0").body().path("delivery").asText();
    awaitStatus(id, "FAILED");
    assertThat(history.triggers(id).get(0).reason()).isEqualTo("no job named team/web/main");
  }

  @Test
  void aHostWithoutJobs_failsJobTriggers() {
    processor = new WebhookProcessor(history, new UnusedRollouts(), ref -> ref, Clock.systemUTC());
    intake =
        new WebhookIntake(
            List.of(registryHook(jobRule("ci", false))),
            history,
            Clock.systemUTC(),
            processor::wake);
    processor.start();
    String id = push("h-1", "5.0").body().path("delivery").asText();
    awaitStatus(id, "FAILED");
    assertThat(history.triggers(id).get(0).reason()).contains("does not start jobs");
  }

  @Test
  void aJobTriggerLeftRunning_endsInterrupted_andIsNeverQueuedTwice() {
    start(List.of(registryHook(jobRule("ci", true))));
    String id = push("r-1", "6.0").body().path("delivery").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> history.triggers(id).get(0).reason() != null);
    processor.close(); // the host stops while the build runs
    processor =
        new WebhookProcessor(
            history, new UnusedRollouts(), ref -> ref, null, jobs, Clock.systemUTC());
    processor.start();
    WebhookTriggerRow t = history.triggers(id).get(0);
    assertThat(t.status()).isEqualTo("INTERRUPTED");
    assertThat(t.reason()).contains("queue item");
    assertThat(jobs.queued).hasSize(1);
  }

  @Test
  void aRule_eitherDeploysOrStartsJobs() {
    assertThatThrownBy(
            () ->
                new TriggerRule(
                    "both",
                    "team/*",
                    null,
                    null,
                    new TriggerRule.RuleTarget("prod", "shop", "Deployment", "web", null),
                    null,
                    null,
                    null,
                    new JobTarget(List.of("a"), false, false)))
        .hasMessageContaining("either deploy");
    assertThatThrownBy(() -> new JobTarget(List.of(), false, false))
        .hasMessageContaining("name at least one job");
    assertThatThrownBy(
            () ->
                TriggerRule.startingJobs(
                    "img", "team/*", null, "main", new JobTarget(List.of("a"), false, false)))
        .hasMessageContaining("branches are for code pushes");
    TriggerRule images = jobRule("ci", false);
    assertThat(images.matches(new ImagePushed("r", "team/web", "1", null))).isTrue();
    assertThat(images.matches(new CodePushed("team/web", "refs/heads/main", "a".repeat(40), null)))
        .isFalse();
  }

  private void awaitStatus(String deliveryId, String status) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> history.triggers(deliveryId).get(0).status().equals(status));
  }

  private static TriggerRule jobRule(String name, boolean newestWins) {
    return TriggerRule.startingJobs(
        name, "team/*", null, null, new JobTarget(List.of("team/web/main"), false, newestWins));
  }

  private static HookSettings registryHook(TriggerRule rule) {
    return HookSettings.of("registry", WebhookSource.REGISTRY, AUTH, null, List.of(rule));
  }

  private WebhookAnswer push(String eventId, String tag) {
    return Payloads.sendRegistryPush(intake, AUTH, eventId, tag);
  }

  /** Records what it queues; newest-wins builds end when {@link #release} opens. */
  private static final class Jobs implements JobLauncher {
    final CountDownLatch release = new CountDownLatch(1);
    final List<JobRequest> queued = new CopyOnWriteArrayList<>();
    final AtomicLong ids = new AtomicLong(100);
    volatile String refuse;

    @Override
    public Queued queue(JobRequest request) {
      if (refuse != null) {
        throw new IllegalArgumentException(refuse);
      }
      queued.add(request);
      long id = ids.incrementAndGet();
      return new Queued() {
        @Override
        public String describe() {
          return request.job() + ": queue item " + id;
        }

        @Override
        public RolloutLauncher.Ended awaitEnd() throws InterruptedException {
          release.await();
          return new RolloutLauncher.Ended("SUCCEEDED", request.job() + " #" + id + ": SUCCESS");
        }
      };
    }
  }

  /** Job rules never deploy. */
  private static final class UnusedRollouts implements RolloutLauncher {
    @Override
    public Ended run(WebhookTriggerRow trigger, String image, String deploymentId) {
      throw new AssertionError("a job rule deployed " + image);
    }

    @Override
    public java.util.Optional<String> recordedOutcome(String deploymentId) {
      return java.util.Optional.empty();
    }
  }
}
