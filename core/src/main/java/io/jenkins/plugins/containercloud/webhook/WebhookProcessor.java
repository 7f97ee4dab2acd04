package io.jenkins.plugins.containercloud.webhook;

import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.history.WebhookStep;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what stored deliveries trigger, after their answer went out: takes pending triggers from the
 * history in the order their deliveries arrived, one rollout at a time per workload. While a
 * workload's rollout runs, only the newest trigger for it waits; each older one is recorded {@code
 * SUPERSEDED}. A trigger moves from PENDING to RUNNING by a conditional update that also records
 * its deployment's id, so it runs once; after a crash, {@link #start()} finishes what the crash cut
 * short.
 */
public final class WebhookProcessor implements AutoCloseable {

  /** How often the history is polled when nothing wakes the processor. */
  static final Duration POLL = Duration.ofSeconds(2);

  private static final int BATCH = 200;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessor.class);

  private final WebhookHistory history;
  private final RolloutLauncher launcher;
  private final DigestResolver digests;
  private final CodePipeline pipeline;
  private final JobLauncher jobs;
  private final Clock clock;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final Object wake = new Object();
  private final ExecutorService rollouts =
      Executors.newCachedThreadPool(daemon("container-cloud-webhook-rollout"));
  private final Thread loop = new Thread(this::loop, "container-cloud-webhook-processor");
  private volatile boolean running = true;
  private boolean woken;

  public WebhookProcessor(
      WebhookHistory history, RolloutLauncher launcher, DigestResolver digests, Clock clock) {
    this(history, launcher, digests, null, clock);
  }

  /**
   * @param pipeline what builds code pushes before their rollout; null in a host that does not
   *     (their triggers then fail, saying so)
   */
  public WebhookProcessor(
      WebhookHistory history,
      RolloutLauncher launcher,
      DigestResolver digests,
      CodePipeline pipeline,
      Clock clock) {
    this(history, launcher, digests, pipeline, null, clock);
  }

  /**
   * @param jobs what starts the jobs of rules that name jobs ({@link JobTarget}); null in a host
   *     that has none (their triggers then fail, saying so)
   */
  public WebhookProcessor(
      WebhookHistory history,
      RolloutLauncher launcher,
      DigestResolver digests,
      CodePipeline pipeline,
      JobLauncher jobs,
      Clock clock) {
    this.jobs = jobs;
    this.history = history;
    this.launcher = launcher;
    this.digests = digests;
    this.pipeline = pipeline;
    this.clock = clock;
    loop.setDaemon(true);
  }

  /** Finishes the triggers a previous process left RUNNING, then starts processing. */
  public void start() {
    recover();
    loop.start();
  }

  /** Looks for pending triggers now (an accepted delivery was stored). */
  public void wake() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  /**
   * Triggers left RUNNING by a process that stopped: a code push whose build had not pushed its
   * image ends INTERRUPTED; otherwise, when their deployment was never recorded, the rollout never
   * began, and it runs now under the same id; otherwise its recorded outcome is copied, or, when
   * the record is still RUNNING, the trigger ends INTERRUPTED (redeliver it to try again) — never
   * run twice.
   */
  private void recover() {
    for (WebhookTriggerRow t : history.running(BATCH * 10)) {
      if (JobCall.of(t.parameters()).isPresent()) {
        // Its build may have been queued (or even run): never queue it twice.
        history.finish(
            t,
            "INTERRUPTED",
            "the host stopped before the job's build ended"
                + (t.reason() == null ? "" : " (" + t.reason() + ")")
                + "; see the job's builds, or redeliver the delivery to start it again",
            clock.instant());
        continue;
      }
      Optional<String> outcome;
      try {
        outcome = launcher.recordedOutcome(t.deploymentId());
      } catch (RuntimeException e) {
        LOG.warn("cannot read deployment {} back: {}", t.deploymentId(), e.getMessage());
        continue;
      }
      if (outcome.isEmpty() && isBuildCutShort(t)) {
        interruptBuild(t);
      } else if (outcome.isEmpty()) {
        LOG.info("webhook delivery {}: its rollout had not started; starting it", t.deliveryId());
        synchronized (lanes) {
          Lane lane = lanes.computeIfAbsent(t.workload(), k -> new Lane());
          lane.running = t;
          rollouts.submit(() -> run(lane, t, t.image(), t.deploymentId()));
        }
      } else if (outcome.get().equals("RUNNING")) {
        String reason =
            "the server stopped during deployment "
                + t.deploymentId()
                + "; redeliver the delivery to roll it out again";
        history.finish(t, "INTERRUPTED", reason, clock.instant());
        endDeployStep(t, "INTERRUPTED", reason);
      } else {
        history.finish(t, outcome.get(), null, clock.instant());
        endDeployStep(t, outcome.get(), null);
      }
    }
  }

  /** A code push whose pipeline stopped before its image was pushed and pinned. */
  private boolean isBuildCutShort(WebhookTriggerRow t) {
    return !t.image().contains("@") && BuildJob.of(t.parameters()).isPresent();
  }

  /**
   * A build the stopped process cut short is not run again by itself: it may have been days ago,
   * and a half-done build must not be repeated behind the user's back. Its running step ends FAILED
   * and the trigger INTERRUPTED, with a reason saying to redeliver it.
   */
  private void interruptBuild(WebhookTriggerRow t) {
    // The last step recorded is the one it stopped in (RUNNING after a kill; a stop that
    // interrupted it may have ended it FAILED already).
    String step =
        history.steps(List.of(t.deliveryId())).stream()
            .filter(s -> s.seq() == t.seq())
            .max(java.util.Comparator.comparingInt(WebhookStep::position))
            .map(WebhookStep::step)
            .orElse("checkout");
    history.endStep(t, step, "FAILED", "interrupted: the server stopped", clock.instant());
    String reason =
        "the server stopped during the "
            + step
            + " step; nothing was deployed; redeliver the delivery to build and deploy it";
    LOG.info("webhook delivery {}: {}", t.deliveryId(), reason);
    history.finish(t, "INTERRUPTED", reason, clock.instant());
  }

  /** A code push's deploy step, left running by the stopped process, ends as its rollout did. */
  private void endDeployStep(WebhookTriggerRow t, String outcome, String reason) {
    if (pipeline != null && BuildJob.of(t.parameters()).isPresent()) {
      pipeline.deployEnded(t, new RolloutLauncher.Ended(outcome, reason));
    }
  }

  private void loop() {
    while (running) {
      try {
        // One turn on the embedded file for the read and every supersede and claim it leads to.
        history.inOneTurn(
            () -> {
              dispatch(history.pending(BATCH));
              return null;
            });
      } catch (RuntimeException e) {
        LOG.warn("cannot read pending webhook triggers: {}", e.getMessage());
      }
      synchronized (wake) {
        if (!woken && running) {
          try {
            wake.wait(POLL.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
        woken = false;
      }
    }
  }

  private void dispatch(List<WebhookTriggerRow> pending) {
    Supersedes supersedes = new Supersedes();
    synchronized (lanes) {
      for (WebhookTriggerRow t : pending) {
        Optional<JobCall> call = JobCall.of(t.parameters());
        if (call.isPresent() && !call.get().newestWins()) {
          startJob(null, t, pinned(t, call.get())); // every delivery its own build, in order
          continue;
        }
        Lane lane = lanes.computeIfAbsent(t.workload(), k -> new Lane());
        if (lane.holds(t)) {
          continue;
        }
        if (lane.running == null && lane.waiting == null) {
          supersedes.write();
          begin(lane, t);
        } else {
          if (lane.waiting != null) {
            supersedes.add(lane.waiting, t);
          }
          lane.waiting = t;
        }
      }
      supersedes.write();
      // Lanes whose rollout ended since the last pass start their newest waiting trigger.
      for (Lane lane : lanes.values()) {
        if (lane.running == null && lane.waiting != null) {
          WebhookTriggerRow next = lane.waiting;
          lane.waiting = null;
          begin(lane, next);
        }
      }
    }
  }

  /**
   * The supersedes of one pass, written together in one transaction (not one each), and always
   * before the next claim, so that an older trigger whose supersede failed cannot start after a
   * newer one.
   */
  private final class Supersedes {
    private final List<WebhookTriggerRow> older = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();

    void add(WebhookTriggerRow t, WebhookTriggerRow newer) {
      older.add(t);
      reasons.add(
          "delivery "
              + newer.deliveryId()
              + " for the same workload came after it, before it could start");
    }

    void write() {
      if (!older.isEmpty()) {
        history.supersedeAll(older, reasons, clock.instant());
        older.clear();
        reasons.clear();
      }
    }
  }

  /** Claims the trigger and starts its rollout; called holding {@code lanes}. */
  private void begin(Lane lane, WebhookTriggerRow t) {
    Optional<JobCall> call = JobCall.of(t.parameters());
    if (call.isPresent()) {
      startJob(lane, t, pinned(t, call.get()));
      return;
    }
    String image;
    try {
      // A code push's image does not exist yet: its pipeline builds, pushes and pins it.
      boolean built = BuildJob.of(t.parameters()).isPresent();
      image = built || t.image().contains("@") ? t.image() : digests.pin(t.image());
    } catch (RuntimeException e) {
      history.fail(
          t, "cannot resolve " + t.image() + " to a digest: " + e.getMessage(), clock.instant());
      return;
    }
    String deploymentId = DeploymentRecord.newId();
    if (!history.claim(t, deploymentId, image, clock.instant())) {
      return; // another process took it, or it was superseded meanwhile
    }
    lane.running = t;
    rollouts.submit(() -> run(lane, t, image, deploymentId));
  }

  private void run(Lane lane, WebhookTriggerRow t, String image, String deploymentId) {
    RolloutLauncher.Ended ended;
    try {
      Optional<BuildJob> job = BuildJob.of(t.parameters());
      ended =
          job.isPresent()
              ? buildAndDeploy(t, job.get(), image, deploymentId)
              : launcher.run(t, image, deploymentId);
      if (ended == null) {
        return; // the server is stopping in the middle of a build: the next start interrupts it
      }
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        // The server is stopping: the trigger stays RUNNING, and the next start copies the
        // outcome its deployment records as it rolls back.
        return;
      }
      ended = new RolloutLauncher.Ended("FAILED", e.getMessage());
    }
    end(lane, t, ended);
  }

  /** Records how a running trigger ended and frees its lane. */
  private void end(Lane lane, WebhookTriggerRow t, RolloutLauncher.Ended ended) {
    try {
      history.finish(t, ended.outcome(), ended.reason(), clock.instant());
    } catch (RuntimeException e) {
      LOG.warn(
          "webhook trigger {}/{}: its end could not be recorded: {}",
          t.deliveryId(),
          t.seq(),
          e.getMessage());
    }
    // The next one starts on the processor's thread: all claims and supersedes happen there, in
    // its turn on the history, never on a rollout's thread holding the lanes.
    synchronized (lanes) {
      lane.running = null;
    }
    wake();
  }

  /**
   * A code push: its pipeline checks out, builds and pushes (unless a run cut short by a crash got
   * as far as pinning the image), then deploys. Null when interrupted before the rollout began.
   */
  private RolloutLauncher.Ended buildAndDeploy(
      WebhookTriggerRow t, BuildJob job, String image, String deploymentId) {
    if (pipeline == null) {
      return new RolloutLauncher.Ended(
          "FAILED", "this host does not build code pushes; deliver images instead");
    }
    String pinned = image;
    if (!image.contains("@")) {
      try {
        pinned = pipeline.buildAndPush(t, job);
      } catch (StepFailure e) {
        if (Thread.currentThread().isInterrupted()) {
          return null;
        }
        return new RolloutLauncher.Ended("FAILED", e.getMessage());
      }
    }
    String deploy = pinned;
    return pipeline.deploy(t, () -> launcher.run(t, deploy, deploymentId));
  }

  /** The job call with the image's digest, when the push did not say it and it can be resolved. */
  private JobCall pinned(WebhookTriggerRow t, JobCall call) {
    if (t.image().contains("@") || !call.parameters().containsKey("IMAGE_DIGEST")) {
      return call;
    }
    try {
      return call.pinnedTo(digests.pin(t.image()));
    } catch (RuntimeException e) {
      // The job still starts: it can resolve the tag itself; IMAGE_DIGEST stays empty.
      LOG.info(
          "cannot resolve {} to a digest for job {}: {}", t.image(), call.job(), e.getMessage());
      return call;
    }
  }

  /**
   * Queues the job's build, called holding {@code lanes}. Without a lane (every delivery its own
   * build) the trigger ends SUCCEEDED once the build is queued, its reason naming the queue item
   * (the build's own result is the job's; the history's statuses have no "queued", and a migration
   * for one word was not worth it); in a newest-wins lane it stays RUNNING, naming the queue item,
   * until the build ends, so that newer deliveries wait and the ones in between are superseded.
   */
  private void startJob(Lane lane, WebhookTriggerRow t, JobCall call) {
    if (jobs == null) {
      history.fail(
          t, "this host does not start jobs; deploy from the rule instead", clock.instant());
      return;
    }
    if (!history.start(t, clock.instant())) {
      return; // another process took it, or it was superseded meanwhile
    }
    JobLauncher.Queued queued;
    try {
      queued =
          jobs.queue(
              new JobLauncher.JobRequest(
                  call.job(),
                  call.parameters(),
                  call.source(),
                  call.hook(),
                  t.deliveryId(),
                  t.rule()));
    } catch (RuntimeException e) {
      history.finish(t, "FAILED", e.getMessage(), clock.instant());
      return;
    }
    if (lane == null) {
      history.finish(t, "SUCCEEDED", queued.describe(), clock.instant());
      return;
    }
    history.note(t, queued.describe(), clock.instant());
    lane.running = t;
    rollouts.submit(() -> awaitJob(lane, t, queued));
  }

  private void awaitJob(Lane lane, WebhookTriggerRow t, JobLauncher.Queued queued) {
    RolloutLauncher.Ended ended;
    try {
      ended = queued.awaitEnd();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // stopping: the next start records it INTERRUPTED
    } catch (RuntimeException e) {
      ended = new RolloutLauncher.Ended("FAILED", e.getMessage());
    }
    end(lane, t, ended);
  }

  @Override
  public void close() {
    running = false;
    wake();
    loop.interrupt();
    rollouts.shutdownNow();
    try {
      rollouts.awaitTermination(2, TimeUnit.MINUTES);
      loop.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One workload's rollouts: the one running and the newest waiting. */
  private static final class Lane {
    WebhookTriggerRow running;
    WebhookTriggerRow waiting;

    boolean holds(WebhookTriggerRow t) {
      return same(running, t) || same(waiting, t);
    }

    private static boolean same(WebhookTriggerRow a, WebhookTriggerRow b) {
      return a != null && a.deliveryId().equals(b.deliveryId()) && a.seq() == b.seq();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
