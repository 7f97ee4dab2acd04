package io.jenkins.plugins.containercloud.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Connects to a Docker daemon: the one {@code DOCKER_HOST} names, or the default socket. */
public final class DockerDaemon {

  private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  /** The daemon's own words inside docker-java's "Status 500: {"message":"…"}". */
  private static final Pattern DAEMON_MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"(.*?)\"\\s*}");

  private DockerDaemon() {}

  /**
   * A client of the daemon at {@code dockerHost} ({@code unix://…} or {@code tcp://…}); null means
   * the default.
   */
  public static DockerClient connect(String dockerHost) {
    String host = hostOrDefault(dockerHost);
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(Duration.ofSeconds(10))
            // Builds and pushes stream for minutes; only a silent daemon is a failure.
            .responseTimeout(Duration.ofMinutes(30))
            .maxConnections(16)
            .build();
    return DockerClientImpl.getInstance(config, http);
  }

  /** A client of the daemon named by the {@code DOCKER_HOST} environment variable. */
  public static DockerClient fromEnvironment() {
    return connect(System.getenv("DOCKER_HOST"));
  }

  /**
   * Asks the daemon at {@code dockerHost} whether it answers, so that a missing socket fails at
   * once with a sentence that names the address rather than in the middle of a build.
   */
  public static void ping(DockerClient docker, String dockerHost) {
    try {
      docker.pingCmd().exec();
    } catch (RuntimeException e) {
      throw unreachable(e, hostOrDefault(dockerHost)).orElseThrow(() -> e);
    }
  }

  /** The failure as a {@link DockerDaemonException} if it says the daemon cannot be reached. */
  static Optional<DockerDaemonException> unreachable(Throwable failure) {
    return unreachable(failure, null);
  }

  private static Optional<DockerDaemonException> unreachable(Throwable failure, String host) {
    String at = host == null ? "" : " at " + host;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (!(t instanceof IOException)) {
        continue;
      }
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      String why;
      if (text.contains("no such file")) {
        why = "is not reachable (no such socket)";
      } else if (text.contains("permission denied")) {
        return Optional.of(
            new DockerDaemonException(
                "this user may not use the Docker daemon"
                    + at
                    + " (permission denied): add the user to the docker group, or build with"
                    + " --daemonless",
                failure));
      } else if (text.contains("connection refused")) {
        why = "is not reachable (connection refused)";
      } else if (text.contains("connect timed out")) {
        why = "did not answer in time";
      } else {
        continue;
      }
      return Optional.of(
          new DockerDaemonException(
              "the Docker daemon"
                  + at
                  + " "
                  + why
                  + ": start Docker, or point --docker-host (or DOCKER_HOST) at it",
              failure));
    }
    return Optional.empty();
  }

  /** The daemon's own message inside a docker-java failure, without the HTTP wrapping. */
  static String reason(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    if (failure instanceof DockerException) {
      Matcher inner = DAEMON_MESSAGE.matcher(message);
      if (inner.find()) {
        return inner.group(1);
      }
    }
    return message.strip().lines().findFirst().orElse("no message");
  }

  private static String hostOrDefault(String dockerHost) {
    return dockerHost == null || dockerHost.isBlank() ? DEFAULT_HOST : dockerHost;
  }
}
