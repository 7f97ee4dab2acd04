package io.jenkins.plugins.containercloud.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** Connects to a Docker daemon: the one {@code DOCKER_HOST} names, or the default socket. */
public final class DockerDaemon {

  private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private DockerDaemon() {}

  /**
   * A client of the daemon at {@code dockerHost} ({@code unix://…} or {@code tcp://…}); null means
   * the default.
   */
  public static DockerClient connect(String dockerHost) {
    String host = dockerHost == null || dockerHost.isBlank() ? DEFAULT_HOST : dockerHost;
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
}
