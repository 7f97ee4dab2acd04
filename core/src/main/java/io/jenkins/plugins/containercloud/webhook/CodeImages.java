package io.jenkins.plugins.containercloud.webhook;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a code-push pipeline builds and pushes: the host's image engine (in {@code serve}, the Docker
 * daemon or Jib, with the server's registry logins).
 */
public interface CodeImages {

  /**
   * Builds the checked-out {@code context} into {@code image} (tagged, not pinned), telling {@code
   * log} its progress (the step's stored output).
   *
   * @return the pushed image pinned by digest when the build pushed it itself (daemonless), else
   *     empty
   * @throws StepFailure naming the cause in one sentence
   */
  Optional<String> build(BuildSpec spec, Path context, String image, ProgressListener log)
      throws StepFailure;

  /**
   * Pushes what {@link #build} made (or, when it pushed already, confirms it in the registry),
   * telling {@code log} its progress.
   *
   * @return {@code registry/repository@sha256:…}
   */
  String push(BuildSpec spec, String image, Optional<String> built, ProgressListener log)
      throws StepFailure;
}
