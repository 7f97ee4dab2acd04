package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.history.WebhookStep;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link CodePipeline} run by the {@link WebhookProcessor}: real checkouts from the
 * testbed's Git server into kept work folders, with a recording image builder and launcher.
 */
class CodePipelineTest {

  private static final String SECRET = "gh-secret";

  @TempDir Path dir;
  private HistoryStore store;
  private WebhookHistory history;
  private WebhookProcessor processor;
  private WebhookIntake intake;
  private final Images images = new Images();
  private final List<String> deployed = new CopyOnWriteArrayList<>();
  private String name;
  private String gitUrl;
  private Git source;
  private RolloutLauncher launcher;

  @BeforeEach
  void open() throws Exception {
    name = "pipeline-" + UUID.randomUUID().toString().substring(0, 8);
    gitUrl = Testbed.require("TESTBED_GIT_URL") + "/" + name + ".git";
    Git.init()
        .setBare(true)
        .setDirectory(Path.of(Testbed.require("TESTBED_GIT_ROOT"), name + ".git").toFile())
        .call()
        .close();
    source = Git.init().setDirectory(dir.resolve("source").toFile()).call();
    store = HistoryStore.open(HistoryDatabase.h2File(dir.resolve("history")));
    history = new WebhookHistory(store);
    TriggerRule rule =
        new TriggerRule(
            "web",
            "team/" + name,
            null,
            null,
            new TriggerRule.RuleTarget("sandbox", "shop", "Deployment", "web", null),
            null,
            "main",
            new BuildSpec(null, "app", null, false, null, null, "127.0.0.1:5000/team/web", null));
    RolloutLauncher launcher =
        new RolloutLauncher() {
          @Override
          public Ended run(WebhookTriggerRow t, String image, String deploymentId) {
            deployed.add(image);
            return new Ended("SUCCEEDED", null);
          }

          @Override
          public Optional<String> recordedOutcome(String deploymentId) {
            return Optional.empty();
          }
        };
    this.launcher = launcher;
    processor = processor();
    intake =
        new WebhookIntake(
            List.of(HookSettings.of("gh", WebhookSource.GITHUB, SECRET, null, List.of(rule))),
            history,
            Clock.systemUTC(),
            processor::wake);
    processor.start();
  }

  private WebhookProcessor processor() {
    return new WebhookProcessor(
        history,
        launcher,
        ref -> ref,
        new CodePipeline(history, images, dir.resolve("builds"), Clock.systemUTC()),
        Clock.systemUTC());
  }

  @AfterEach
  void close() {
    processor.close();
    intake.close();
    store.close();
    source.close();
  }

  @Test
  void buildsThePushedCommit_evenAfterTheBranchMovedOn_inOneKeptFolder_recordingEachStep()
      throws Exception {
    String first = commit("1");
    commit("2"); // main has moved on before the delivery of the first push is processed
    WebhookTriggerRow t = ended(deliver(first));

    assertThat(t.status()).isEqualTo("SUCCEEDED");
    assertThat(images.versions).containsExactly("1");
    String pinned = "127.0.0.1:5000/team/web@" + Images.DIGEST;
    assertThat(t.image()).isEqualTo(pinned);
    assertThat(deployed).containsExactly(pinned);
    List<WebhookStep> steps = history.steps(List.of(t.deliveryId()));
    assertThat(steps)
        .extracting(WebhookStep::step)
        .containsExactly("checkout", "build", "push", "deploy");
    assertThat(steps).allSatisfy(s -> assertThat(s.status()).isEqualTo("SUCCEEDED"));
    assertThat(steps).allSatisfy(s -> assertThat(s.duration()).isNotNull());
    assertThat(steps.get(0).detail()).contains(first.substring(0, 12));

    String third = commit("3");
    assertThat(ended(deliver(third)).status()).isEqualTo("SUCCEEDED");
    assertThat(images.versions).containsExactly("1", "3");
    assertThat(images.contexts).hasSize(2).allMatch(images.contexts.get(0)::equals);
  }

  @Test
  void aBurstOfPushes_whileOneBuilds_buildsTheNewestNext_andSupersedesTheOneBetween()
      throws Exception {
    images.gate = new CountDownLatch(1);
    String first = deliver(commit("1")).body().path("delivery").asText();
    await().atMost(Duration.ofSeconds(60)).until(() -> images.waiting.get() == 1);
    String second = deliver(commit("2")).body().path("delivery").asText();
    String third = deliver(commit("3")).body().path("delivery").asText();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> history.triggers(second).get(0).status().equals("SUPERSEDED"));
    images.gate.countDown();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> history.triggers(third).get(0).status().equals("SUCCEEDED"));

    assertThat(history.triggers(first).get(0).status()).isEqualTo("SUCCEEDED");
    assertThat(images.versions).containsExactly("1", "3");
    assertThat(history.steps(List.of(second))).isEmpty();
  }

  @Test
  void aFailedBuild_recordsTheStepAndItsCause_andDeploysNothing() throws Exception {
    images.failure = "the Dockerfile's RUN step exited with 3";
    WebhookTriggerRow t = ended(deliver(commit("1")));

    assertThat(t.status()).isEqualTo("FAILED");
    assertThat(t.reason()).isEqualTo("build failed: the Dockerfile's RUN step exited with 3");
    List<WebhookStep> steps = history.steps(List.of(t.deliveryId()));
    assertThat(steps).extracting(WebhookStep::step).containsExactly("checkout", "build");
    assertThat(steps.get(1).status()).isEqualTo("FAILED");
    assertThat(steps.get(1).detail()).isEqualTo(images.failure);
    assertThat(deployed).isEmpty();
  }

  @Test
  void aCommitTheServerDoesNotHave_failsTheCheckout() throws Exception {
    commit("1");
    WebhookTriggerRow t = ended(deliver("0123456789abcdef0123456789abcdef01234567"));

    assertThat(t.status()).isEqualTo("FAILED");
    assertThat(t.reason()).startsWith("checkout failed: commit 0123456789abcdef");
    assertThat(images.versions).isEmpty();
    assertThat(deployed).isEmpty();
  }

  @Test
  void aBuildCutShortByAKill_endsInterruptedAtTheRestart_andIsNotBuiltOrDeployed()
      throws Exception {
    processor.close();
    String id = deliver(commit("1")).body().path("delivery").asText();
    // What a kill in the middle of the build leaves: the trigger claimed under a deployment id,
    // its image not pinned, the checkout done and the build step running.
    WebhookTriggerRow claimed = history.pending(10).get(0);
    assertThat(
            history.claim(
                claimed, UUID.randomUUID().toString(), claimed.image(), java.time.Instant.now()))
        .isTrue();
    history.startStep(claimed, "checkout", 1, java.time.Instant.now());
    history.endStep(claimed, "checkout", "SUCCEEDED", "checked out", java.time.Instant.now());
    history.startStep(claimed, "build", 2, java.time.Instant.now());

    processor = processor();
    processor.start();

    WebhookTriggerRow t = history.triggers(id).get(0);
    assertThat(t.status()).isEqualTo("INTERRUPTED");
    assertThat(t.reason())
        .isEqualTo(
            "the server stopped during the build step; nothing was deployed; redeliver the"
                + " delivery to build and deploy it");
    assertThat(history.steps(List.of(id)))
        .extracting(WebhookStep::step, WebhookStep::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("checkout", "SUCCEEDED"),
            org.assertj.core.groups.Tuple.tuple("build", "FAILED"));
    assertThat(history.steps(List.of(id)).get(1).detail())
        .isEqualTo("interrupted: the server stopped");
    assertThat(images.versions).isEmpty();
    assertThat(deployed).isEmpty();
  }

  @Test
  void aCloneUrlWithALogin_isNotFetched_andTheLoginIsNotStored() {
    WebhookAnswer answer =
        deliver(
            "0123456789abcdef0123456789abcdef01234567",
            "https://bot:tok-77e1@git.example/team/x.git");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("reason").asText())
        .contains("carries a user name or password")
        .doesNotContain("tok-77e1");
    String id = answer.body().path("delivery").asText();
    assertThat(history.find(id).orElseThrow().toString())
        .contains("https://git.example/team/x.git")
        .doesNotContain("tok-77e1");
  }

  @Test
  void aFileCloneUrl_isNotFetched_butAnsweredIgnored() {
    WebhookAnswer answer = deliver("0123456789abcdef0123456789abcdef01234567", "file:///etc");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("reason").asText()).contains("must be an http, https or git://");
  }

  private WebhookTriggerRow ended(WebhookAnswer answer) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202);
    String id = answer.body().path("delivery").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !List.of("PENDING", "RUNNING").contains(history.triggers(id).get(0).status()));
    return history.triggers(id).get(0);
  }

  private WebhookAnswer deliver(String commit) {
    return deliver(commit, gitUrl);
  }

  private WebhookAnswer deliver(String commit, String cloneUrl) {
    byte[] body =
        """
        {"ref": "refs/heads/main", "after": "%s", "head_commit": {"id": "%s"},
         "repository": {"full_name": "team/%s", "clone_url": "%s"}}
        """
            .formatted(commit, commit, name, cloneUrl)
            .getBytes(StandardCharsets.UTF_8);
    return intake.receive(
        "github",
        "gh",
        Payloads.gitHub("push", UUID.randomUUID().toString(), SECRET, body),
        new ByteArrayInputStream(body),
        null);
  }

  private String commit(String version) throws Exception {
    Path app = dir.resolve("source/app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("version.txt"), version);
    source.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    String id =
        source.commit().setMessage(version).setAuthor(who).setCommitter(who).call().getName();
    source.push().setRemote(gitUrl).setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
    return id;
  }

  /** Reads the version the checkout holds; "pushes" it under a fixed digest, or fails. */
  private static final class Images implements CodeImages {
    static final String DIGEST = "sha256:" + "ab".repeat(32);
    final List<String> versions = new CopyOnWriteArrayList<>();
    final List<Path> contexts = new CopyOnWriteArrayList<>();
    volatile String failure;
    volatile CountDownLatch gate;
    final AtomicInteger waiting = new AtomicInteger();

    @Override
    public Optional<String> build(BuildSpec spec, Path context, String image, ProgressListener log)
        throws StepFailure {
      if (failure != null) {
        throw new StepFailure(failure);
      }
      CountDownLatch wait = gate;
      if (wait != null) {
        waiting.incrementAndGet();
        try {
          wait.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StepFailure("interrupted");
        }
      }
      try {
        versions.add(Files.readString(context.resolve("version.txt")));
      } catch (java.io.IOException e) {
        throw new StepFailure("no version.txt");
      }
      contexts.add(context);
      return Optional.empty();
    }

    @Override
    public String push(BuildSpec spec, String image, Optional<String> built, ProgressListener log) {
      return image.substring(0, image.lastIndexOf(':')) + "@" + DIGEST;
    }
  }
}
