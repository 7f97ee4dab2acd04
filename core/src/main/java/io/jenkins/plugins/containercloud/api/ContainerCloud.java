package io.jenkins.plugins.containercloud.api;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.image.BuiltImage;
import io.jenkins.plugins.containercloud.image.DaemonImageBuilder;
import io.jenkins.plugins.containercloud.image.DaemonImagePusher;
import io.jenkins.plugins.containercloud.image.DaemonlessBuildRequest;
import io.jenkins.plugins.containercloud.image.DockerBuildRequest;
import io.jenkins.plugins.containercloud.image.DockerDaemon;
import io.jenkins.plugins.containercloud.image.JibImageBuilder;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The host-agnostic façade: what the command line, the server and the Jenkins plugin call to build,
 * push and (later) deploy. Hosts authenticate and validate their own input; this class owns the
 * engine's objects and their lifetimes.
 */
public final class ContainerCloud implements AutoCloseable {

  private final String dockerHost;
  private final CredentialSource credentials;
  private final RetryPolicy retry;
  private final boolean allowInsecure;
  private DockerClient docker;

  private ContainerCloud(Builder builder) {
    this.dockerHost = builder.dockerHost;
    this.credentials = builder.credentials;
    this.retry = builder.retry;
    this.allowInsecure = builder.allowInsecure;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds through the Docker daemon and, if {@code push}, pushes every tag and pins the result.
   */
  public BuildResult build(DockerBuildRequest request, boolean push, ProgressListener progress) {
    BuiltImage built = new DaemonImageBuilder(docker()).build(request, progress);
    Optional<PushedImage> pushed =
        push ? Optional.of(pusher().push(request.tags(), progress)) : Optional.empty();
    return new BuildResult(Optional.of(built.imageId()), built.tags(), pushed);
  }

  /** Builds without a daemon (Jib) and pushes straight to the registry. */
  public BuildResult buildDaemonless(DaemonlessBuildRequest request, ProgressListener progress) {
    PushedImage pushed = new JibImageBuilder(credentials, retry).buildAndPush(request, progress);
    return new BuildResult(Optional.empty(), request.tags(), Optional.of(pushed));
  }

  /** Pushes images the daemon already has, tagged with these references. */
  public PushedImage push(List<ImageReference> tags, ProgressListener progress) {
    return pusher().push(tags, progress);
  }

  private DaemonImagePusher pusher() {
    return new DaemonImagePusher(docker(), credentials, retry, allowInsecure);
  }

  private synchronized DockerClient docker() {
    if (docker == null) {
      DockerClient client = DockerDaemon.connect(dockerHost);
      DockerDaemon.ping(client, dockerHost);
      docker = client;
    }
    return docker;
  }

  @Override
  public synchronized void close() {
    if (docker != null) {
      try {
        docker.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not close the Docker client", e);
      } finally {
        docker = null;
      }
    }
  }

  /** Configures a {@link ContainerCloud}. */
  public static final class Builder {
    private String dockerHost;
    private CredentialSource credentials = CredentialSource.ANONYMOUS;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private boolean allowInsecure;

    /** The daemon address ({@code unix://…}, {@code tcp://…}); null for the default socket. */
    public Builder dockerHost(String value) {
      this.dockerHost = value;
      return this;
    }

    /** Where registry credentials come from. */
    public Builder credentials(CredentialSource value) {
      this.credentials = value;
      return this;
    }

    /** How transient registry failures are retried. */
    public Builder retry(RetryPolicy value) {
      this.retry = value;
      return this;
    }

    /** Whether registries off loopback may be reached over plain HTTP. */
    public Builder allowInsecure(boolean value) {
      this.allowInsecure = value;
      return this;
    }

    public ContainerCloud build() {
      return new ContainerCloud(this);
    }
  }
}
