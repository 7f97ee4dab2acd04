package io.jenkins.plugins.containercloud.webhook;

import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A code push's pipeline: checkout (JGit, in the rule's work folder) → build → push → deploy, each
 * step recorded in the history with its timing and outcome. A failed step names itself and its
 * cause in one sentence and stops the pipeline, so nothing is deployed.
 */
public final class CodePipeline {

  private final WebhookHistory history;
  private final CodeImages images;
  private final WorkFolders folders;
  private final Clock clock;

  /**
   * @param workRoot where the rules' work folders are kept ({@code hook/rule} under it)
   */
  public CodePipeline(WebhookHistory history, CodeImages images, Path workRoot, Clock clock) {
    this.history = history;
    this.images = images;
    this.folders = new WorkFolders(workRoot);
    this.clock = clock;
  }

  /**
   * Checks the job's commit out, builds and pushes it; returns the image pinned by digest, which
   * the trigger now records.
   */
  String buildAndPush(WebhookTriggerRow t, BuildJob job) throws StepFailure {
    WorkFolders.Held held;
    try {
      held = folders.hold(job.folder());
    } catch (IOException e) {
      throw failed(t, "checkout", 1, "cannot lock the work folder: " + e.getMessage());
    }
    try (held) {
      Path folder = held.folder();
      step(
          t,
          "checkout",
          1,
          () -> {
            GitCheckout.checkout(job, folder);
            return null;
          },
          x -> "checked out " + job.commit().substring(0, 12) + " of " + job.ref());
      Optional<String> built =
          step(
              t,
              "build",
              2,
              () -> images.build(job.spec(), context(folder, job.spec()), job.image()),
              b -> b.map(p -> "built and pushed " + p).orElse("built " + job.image()));
      String pinned =
          step(t, "push", 3, () -> images.push(job.spec(), job.image(), built), p -> "pushed " + p);
      history.pinImage(t, pinned);
      return pinned;
    } catch (IOException e) {
      // Only releasing the folder's lock failed; the build itself is done.
      throw new StepFailure("cannot release the work folder: " + e.getMessage());
    }
  }

  /** Runs the rollout as the pipeline's deploy step. */
  RolloutLauncher.Ended deploy(WebhookTriggerRow t, Supplier<RolloutLauncher.Ended> rollout) {
    history.startStep(t, "deploy", 4, clock.instant());
    RolloutLauncher.Ended ended;
    try {
      ended = rollout.get();
    } catch (RuntimeException e) {
      history.endStep(t, "deploy", "FAILED", oneLine(e), clock.instant());
      throw e;
    }
    deployEnded(t, ended);
    return ended;
  }

  /** Records how the deploy step ended (also for a rollout a stopped process left running). */
  void deployEnded(WebhookTriggerRow t, RolloutLauncher.Ended ended) {
    boolean ok = "SUCCEEDED".equals(ended.outcome());
    history.endStep(
        t,
        "deploy",
        ok ? "SUCCEEDED" : "FAILED",
        ok
            ? "rolled " + t.workload() + " out"
            : ended.outcome() + (ended.reason() == null ? "" : ": " + ended.reason()),
        clock.instant());
  }

  private <T> T step(
      WebhookTriggerRow t, String name, int position, Work<T> work, Function<T, String> detail)
      throws StepFailure {
    history.startStep(t, name, position, clock.instant());
    T result;
    try {
      result = work.run();
    } catch (StepFailure e) {
      history.endStep(t, name, "FAILED", e.getMessage(), clock.instant());
      throw new StepFailure(name + " failed: " + e.getMessage());
    } catch (RuntimeException e) {
      String cause = oneLine(e);
      history.endStep(t, name, "FAILED", cause, clock.instant());
      throw new StepFailure(name + " failed: " + cause);
    }
    history.endStep(t, name, "SUCCEEDED", detail.apply(result), clock.instant());
    return result;
  }

  private StepFailure failed(WebhookTriggerRow t, String name, int position, String cause) {
    history.startStep(t, name, position, clock.instant());
    history.endStep(t, name, "FAILED", cause, clock.instant());
    return new StepFailure(name + " failed: " + cause);
  }

  private static Path context(Path folder, BuildSpec spec) throws StepFailure {
    Path context = folder.resolve(spec.context()).normalize();
    if (!context.startsWith(folder) || !Files.isDirectory(context)) {
      throw new StepFailure("the commit has no folder " + spec.context() + " (build.context)");
    }
    return context;
  }

  /** An exception's message as one line without secrets: no stack trace, no URL credentials. */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = message.lines().findFirst().orElse(message).strip();
    return BuildSpec.redact(line.length() > 500 ? line.substring(0, 500) + "…" : line);
  }

  /** A step's work. */
  private interface Work<T> {
    T run() throws StepFailure;
  }
}
