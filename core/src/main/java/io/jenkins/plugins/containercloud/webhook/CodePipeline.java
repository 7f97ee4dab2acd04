package io.jenkins.plugins.containercloud.webhook;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A code push's pipeline: checkout (JGit, in the rule's work folder) → build → push → deploy, each
 * step recorded in the history with its timing, outcome and output ({@link StepLog}). A failed step
 * names itself and its cause in one sentence and stops the pipeline, so nothing is deployed.
 */
public final class CodePipeline {

  private final WebhookHistory history;
  private final CodeImages images;
  private final WorkFolders folders;
  private final Function<String, Optional<GitLogin>> logins;
  private final List<String> secrets;
  private final Clock clock;

  /**
   * @param workRoot where the rules' work folders are kept ({@code hook/rule} under it)
   */
  public CodePipeline(WebhookHistory history, CodeImages images, Path workRoot, Clock clock) {
    this(history, images, workRoot, folder -> Optional.empty(), List.of(), clock);
  }

  /**
   * @param logins the Git login of a build rule, by its work folder ({@code hook/rule}; see {@link
   *     GitLogin#byFolder}), asked at each checkout so that it is never stored with a trigger
   * @param secrets values masked in the steps' stored output wherever they appear (the registry
   *     passwords, the hooks' secrets); the rule's Git password is masked too
   */
  public CodePipeline(
      WebhookHistory history,
      CodeImages images,
      Path workRoot,
      Function<String, Optional<GitLogin>> logins,
      Collection<String> secrets,
      Clock clock) {
    this.logins = logins;
    this.secrets = List.copyOf(secrets.stream().filter(java.util.Objects::nonNull).toList());
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
      Optional<GitLogin> login = logins.apply(job.folder());
      List<String> masked = new ArrayList<>(secrets);
      login.ifPresent(l -> masked.add(l.password()));
      step(
          t,
          "checkout",
          1,
          masked,
          log -> {
            GitCheckout.checkout(job, folder, login, log);
            return null;
          },
          x -> "checked out " + job.commit().substring(0, 12) + " of " + job.ref());
      Optional<String> built =
          step(
              t,
              "build",
              2,
              masked,
              log -> images.build(job.spec(), context(folder, job.spec()), job.image(), log),
              b -> b.map(p -> "built and pushed " + p).orElse("built " + job.image()));
      String pinned =
          step(
              t,
              "push",
              3,
              masked,
              log -> images.push(job.spec(), job.image(), built, log),
              p -> "pushed " + p);
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
      WebhookTriggerRow t,
      String name,
      int position,
      List<String> masked,
      Work<T> work,
      Function<T, String> detail)
      throws StepFailure {
    history.startStep(t, name, position, clock.instant());
    StepLog log = new StepLog(masked);
    T result;
    try {
      result = work.run(log);
    } catch (StepFailure e) {
      log.progress(name + " failed: " + e.getMessage());
      history.endStep(t, name, "FAILED", e.getMessage(), log.text(), clock.instant());
      throw new StepFailure(name + " failed: " + e.getMessage());
    } catch (RuntimeException e) {
      String cause = oneLine(e);
      log.progress(name + " failed: " + cause);
      history.endStep(t, name, "FAILED", cause, log.text(), clock.instant());
      throw new StepFailure(name + " failed: " + cause);
    }
    history.endStep(t, name, "SUCCEEDED", detail.apply(result), log.text(), clock.instant());
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
    T run(ProgressListener log) throws StepFailure;
  }
}
