package io.jenkins.plugins.containercloud.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.jenkins.plugins.containercloud.events.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds an image from a Dockerfile through a Docker daemon, streaming its output line by line and
 * reporting a failed step with the output of that step.
 */
public final class DaemonImageBuilder {

  private static final Pattern STEP = Pattern.compile("^(Step \\d+/\\d+ : .*|#\\d+ \\[.*].*)$");
  private static final int MAX_STEP_OUTPUT_LINES = 200;

  private final DockerClient docker;

  public DaemonImageBuilder(DockerClient docker) {
    this.docker = docker;
  }

  /** Builds and tags the image; returns its id and tags. */
  public BuiltImage build(DockerBuildRequest request, ProgressListener progress) {
    Set<String> tags = new LinkedHashSet<>();
    request.tags().forEach(tag -> tags.add(tag.toString()));
    BuildImageCmd command =
        docker
            .buildImageCmd()
            .withBaseDirectory(request.context().toFile())
            .withDockerfile(request.dockerfile().toFile())
            .withTags(tags)
            .withNoCache(request.noCache())
            .withPull(request.pull() == DockerBuildRequest.PullPolicy.ALWAYS)
            .withRemove(true)
            .withLabels(request.labels());
    request.buildArgs().forEach(command::withBuildArg);
    if (request.target() != null && !request.target().isBlank()) {
      command.withTarget(request.target());
    }
    progress.progress("Building " + String.join(", ", tags) + " from " + request.context());
    BuildOutput output = new BuildOutput(progress);
    try {
      command.exec(output).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageBuildException("build interrupted", output.step, output.stepOutput);
    } catch (RuntimeException e) {
      DockerDaemon.unreachable(e)
          .ifPresent(
              u -> {
                throw u;
              });
      // The daemon answered the request with an error (bad Dockerfile syntax, unknown target…).
      output.fail(DockerDaemon.reason(e));
    }
    if (output.error != null && BaseImage.isPull(output.step)) {
      throw new ImageBuildException(
          "build of "
              + tags.iterator().next()
              + " failed at "
              + output.step
              + ": "
              + BaseImage.describeFailure(output.step, output.error),
          output.step,
          output.stepOutput);
    }
    if (output.error != null) {
      String where = output.step.isEmpty() ? "before the first step" : "at " + output.step;
      throw new ImageBuildException(
          "build of " + tags.iterator().next() + " failed " + where + ": " + output.error,
          output.step,
          output.stepOutput);
    }
    if (output.imageId == null) {
      throw new ImageBuildException(
          "build of " + tags.iterator().next() + " ended without an image id",
          output.step,
          output.stepOutput);
    }
    // The stream names the image by its short id; the daemon's inspect gives the full digest.
    String imageId = docker.inspectImageCmd(output.imageId).exec().getId();
    progress.progress("Built " + imageId);
    return new BuiltImage(imageId, List.copyOf(request.tags()));
  }

  /**
   * Collects the daemon's stream: lines to the listener, the current step, errors, the image id.
   */
  private static final class BuildOutput extends ResultCallback.Adapter<BuildResponseItem> {
    private final ProgressListener progress;
    private final StringBuilder partial = new StringBuilder();
    private volatile String step = "";
    private final List<String> stepOutput = new ArrayList<>();
    private volatile String error;
    private volatile String imageId;

    BuildOutput(ProgressListener progress) {
      this.progress = progress;
    }

    @Override
    public void onNext(BuildResponseItem item) {
      if (item.getStream() != null) {
        emit(item.getStream());
      }
      if (item.getErrorDetail() != null || item.getError() != null) {
        flush();
        fail(item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
      }
      if (item.isBuildSuccessIndicated() && item.getImageId() != null) {
        imageId = item.getImageId();
      }
    }

    @Override
    public void onComplete() {
      flush();
      super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
      flush();
      fail(throwable.getMessage());
      super.onError(throwable);
    }

    synchronized void fail(String message) {
      if (error == null) {
        error =
            message == null ? "the daemon reported an error without a message" : message.strip();
      }
    }

    /** The daemon splits lines across messages and joins several in one; re-split on newlines. */
    private synchronized void emit(String chunk) {
      partial.append(chunk);
      int newline;
      while ((newline = partial.indexOf("\n")) >= 0) {
        line(partial.substring(0, newline));
        partial.delete(0, newline + 1);
      }
    }

    private synchronized void flush() {
      if (!partial.isEmpty()) {
        line(partial.toString());
        partial.setLength(0);
      }
    }

    private void line(String raw) {
      String line = raw.stripTrailing();
      if (line.isEmpty()) {
        return;
      }
      if (STEP.matcher(line).matches()) {
        step = line;
        stepOutput.clear();
      } else if (stepOutput.size() < MAX_STEP_OUTPUT_LINES) {
        stepOutput.add(line);
      }
      progress.progress(line);
    }
  }
}
