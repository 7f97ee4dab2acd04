package io.jenkins.plugins.containercloud.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PushImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import io.jenkins.plugins.containercloud.registry.RegistryException;
import io.jenkins.plugins.containercloud.registry.RegistryFailures;
import io.jenkins.plugins.containercloud.registry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes tagged images through a Docker daemon, retrying transient failures, and pins the result by
 * the digest the registry reports for the manifest.
 */
public final class DaemonImagePusher {

  private final DockerClient docker;
  private final CredentialSource credentials;
  private final RetryPolicy retry;
  private final ManifestConfirmation confirmation;

  public DaemonImagePusher(
      DockerClient docker, CredentialSource credentials, RetryPolicy retry, boolean allowInsecure) {
    this.docker = docker;
    this.credentials = credentials;
    this.retry = retry;
    this.confirmation = new ManifestConfirmation(credentials, retry, allowInsecure);
  }

  /** Pushes every tag (all must be in one repository's registry) and confirms the first. */
  public PushedImage push(List<ImageReference> tags, ProgressListener progress) {
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("tags: give at least one image reference to push");
    }
    for (ImageReference tag : tags) {
      pushOne(tag, progress);
    }
    ImageReference main = tags.get(0);
    ImageReference pinned = confirmation.confirm(main, progress);
    return new PushedImage(pinned, pinned.digest().orElseThrow(), List.copyOf(tags));
  }

  private void pushOne(ImageReference tag, ProgressListener progress) {
    Optional<RegistryCredentials> auth = credentials.find(tag.registry());
    progress.progress("Pushing " + tag + auth.map(c -> " as " + c).orElse(" anonymously"));
    try {
      retry.call(
          () -> {
            attempt(tag, auth, progress);
            return null;
          },
          e -> e instanceof RegistryException r && r.isTransient(),
          notice -> progress.progress("Push of " + tag + ": " + notice.describe()));
    } catch (RegistryException | IllegalArgumentException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("push of " + tag + " interrupted", 0, false, e);
    } catch (Exception e) {
      throw DockerDaemon.unreachable(e)
          .<RuntimeException>map(u -> u)
          .orElseGet(() -> classify(tag, auth, RegistryFailures.textOf(e)));
    }
  }

  private void attempt(
      ImageReference tag, Optional<RegistryCredentials> auth, ProgressListener progress)
      throws InterruptedException {
    PushImageCmd command = docker.pushImageCmd(tag.name()).withTag(tag.tag().orElseThrow());
    auth.ifPresent(c -> command.withAuthConfig(authConfig(tag.registry(), c)));
    PushOutput output = new PushOutput(progress);
    try {
      command.exec(output).awaitCompletion();
    } catch (RuntimeException e) {
      output.onError(e);
    }
    if (output.daemonFailure != null) {
      throw daemonRefused(tag, output.daemonFailure);
    }
    if (output.error != null && output.error.contains("does not exist locally")) {
      throw new IllegalArgumentException(
          "image: the Docker daemon has no image tagged " + tag + "; build or tag it first");
    }
    if (output.error != null) {
      throw classify(tag, auth, output.error);
    }
  }

  /** The daemon itself refused the request: no registry was involved, so nothing to retry. */
  private static RuntimeException daemonRefused(ImageReference tag, Throwable failure) {
    if (failure instanceof NotFoundException
        || String.valueOf(failure.getMessage()).contains("does not exist locally")) {
      return new IllegalArgumentException(
          "image: the Docker daemon has no image tagged " + tag + "; build or tag it first",
          failure);
    }
    return DockerDaemon.unreachable(failure)
        .<RuntimeException>map(u -> u)
        .orElseGet(
            () ->
                new RegistryException(
                    "the Docker daemon refused to push "
                        + tag
                        + ": "
                        + DockerDaemon.reason(failure),
                    0,
                    false,
                    failure));
  }

  private static AuthConfig authConfig(String registry, RegistryCredentials credentials) {
    AuthConfig config = new AuthConfig().withRegistryAddress(registry);
    return credentials.isIdentityToken()
        ? config.withIdentityToken(credentials.secret())
        : config.withUsername(credentials.username()).withPassword(credentials.secret());
  }

  /** The daemon reports failures as text only; its wording is stable across Docker versions. */
  static RegistryException classify(
      ImageReference tag, Optional<RegistryCredentials> auth, String daemonMessage) {
    return RegistryFailures.describe(
        "push of " + tag,
        tag.registry(),
        tag.repository(),
        auth.map(RegistryCredentials::toString),
        daemonMessage);
  }

  /** Collects the daemon's push stream: status lines to the listener, and the first error. */
  private static final class PushOutput extends ResultCallback.Adapter<PushResponseItem> {
    private final ProgressListener progress;
    private final List<String> reported = new ArrayList<>();
    private volatile String error;
    private volatile Throwable daemonFailure;

    PushOutput(ProgressListener progress) {
      this.progress = progress;
    }

    @Override
    public void onNext(PushResponseItem item) {
      if (item.getErrorDetail() != null || item.getError() != null) {
        fail(item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
        return;
      }
      String status = item.getStatus();
      // Byte-level "Pushing" updates repeat many times a second; report state changes only.
      if (status == null
          || status.equals("Pushing")
          || status.equals("Preparing")
          || status.equals("Waiting")) {
        return;
      }
      String line = item.getId() == null ? status : item.getId() + ": " + status;
      if (!reported.contains(line)) {
        reported.add(line);
        progress.progress(line);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      if (throwable instanceof DockerException || DockerDaemon.unreachable(throwable).isPresent()) {
        daemonFailure = throwable;
      } else {
        fail(RegistryFailures.textOf(throwable));
      }
      try {
        close();
      } catch (java.io.IOException ignored) {
        // Nothing holds resources once the stream failed.
      }
    }

    synchronized void fail(String message) {
      if (error == null) {
        error =
            message == null ? "the daemon reported an error without a message" : message.strip();
      }
    }
  }
}
