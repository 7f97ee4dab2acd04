package io.jenkins.plugins.containercloud.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.Manifest;
import io.jenkins.plugins.containercloud.registry.RegistryAddress;
import io.jenkins.plugins.containercloud.registry.RegistryClient;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import io.jenkins.plugins.containercloud.registry.RegistryException;
import io.jenkins.plugins.containercloud.registry.RetryPolicy;
import io.jenkins.plugins.containercloud.testing.CollectingListener;
import io.jenkins.plugins.containercloud.testing.FaultInjectingProxy;
import io.jenkins.plugins.containercloud.testing.FaultInjectingProxy.Fault;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tests for {@link DaemonImagePusher}, against the testbed's real daemon and registries. */
class DaemonImagePusherTest {

  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200));

  private static DockerClient docker;

  @BeforeAll
  static void connect() {
    docker = DockerDaemon.connect(Testbed.dockerHost());
  }

  @AfterAll
  static void close() throws IOException {
    docker.close();
  }

  @Test
  void push_pinsTheImageByTheDigestTheRegistryServes() {
    ImageReference image = buildHelloApp(Testbed.registry(), "hello");
    ImageReference second = image.withTag("second");
    docker.tagImageCmd(image.toString(), second.name(), "second").exec();
    CollectingListener progress = new CollectingListener();

    PushedImage pushed =
        new DaemonImagePusher(docker, CredentialSource.ANONYMOUS, FAST_RETRY, false)
            .push(List.of(image, second), progress);

    RegistryClient registry =
        RegistryClient.builder(RegistryAddress.of(image.registry(), false)).build();
    Manifest manifest = registry.getManifest(image.repository(), pushed.digest());
    String imageId = docker.inspectImageCmd(image.toString()).exec().getId();
    assertThat(manifest.json().path("config").path("digest").asText()).isEqualTo(imageId);
    assertThat(pushed.reference()).hasToString(image + "@" + pushed.digest());
    assertThat(pushed.pinned()).hasToString(image.name() + "@" + pushed.digest());
    assertThat(registry.headManifest(image.repository(), "second").digest())
        .isEqualTo(pushed.digest());
    assertThat(progress.lines()).last().asString().isEqualTo("Pushed " + pushed.reference());
  }

  @Test
  void push_withTheRightCredentials_reachesTheAuthRegistry() {
    ImageReference image = buildHelloApp(Testbed.authRegistry(), "auth");

    PushedImage pushed =
        new DaemonImagePusher(docker, Testbed.authRegistryCredentialSource(), FAST_RETRY, false)
            .push(List.of(image), line -> {});

    assertThat(pushed.digest()).startsWith("sha256:");
  }

  @Test
  void push_withAWrongPassword_failsAt401_withoutRetry_andNeverShowsThePassword() {
    ImageReference image = buildHelloApp(Testbed.authRegistry(), "refused");
    String password = "not-the-password-" + System.nanoTime();
    CollectingListener progress = new CollectingListener();
    DaemonImagePusher pusher =
        new DaemonImagePusher(
            docker,
            CredentialSource.fixed(RegistryCredentials.of("ci", password)),
            FAST_RETRY,
            false);

    assertThatThrownBy(() -> pusher.push(List.of(image), progress))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry "
                + Testbed.authRegistry()
                + " refused the credentials for user ci (401): check the user name and the password or token")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(password));
    assertThat(progress.text()).doesNotContain(password).doesNotContain("retrying");
  }

  @Test
  void push_retriesWhenTheRegistryAnswers503() throws IOException {
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(Testbed.registry())) {
      ImageReference image = buildHelloApp(proxy.address(), "retry");
      proxy.inject(
          Fault.SERVICE_UNAVAILABLE,
          1,
          request -> request.startsWith("PUT ") && request.contains("/manifests/"));
      CollectingListener progress = new CollectingListener();

      PushedImage pushed =
          new DaemonImagePusher(docker, CredentialSource.ANONYMOUS, FAST_RETRY, false)
              .push(List.of(image), progress);

      assertThat(pushed.digest()).startsWith("sha256:");
      assertThat(progress.lines())
          .anyMatch(l -> l.contains("attempt 1 of 3 failed") && l.contains("503"));
      assertThat(proxy.exchanges())
          .filteredOn(e -> e.method().equals("PUT") && e.path().contains("/manifests/"))
          .extracting(FaultInjectingProxy.Exchange::status)
          .containsExactly(503, 201);
    }
  }

  @Test
  void push_toAPortNothingListensOn_saysTheRegistryRefusedTheConnection_andWhatToCheck() {
    ImageReference image = buildHelloApp(Testbed.registry(), "refusedport");
    ImageReference unreachable = Testbed.uniqueImage("127.0.0.1:1", "refusedport");
    docker
        .tagImageCmd(image.toString(), unreachable.name(), unreachable.tag().orElseThrow())
        .exec();
    DaemonImagePusher pusher =
        new DaemonImagePusher(docker, CredentialSource.ANONYMOUS, FAST_RETRY, false);

    assertThatThrownBy(() -> pusher.push(List.of(unreachable), new CollectingListener()))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry 127.0.0.1:1 refused the connection during push of "
                + unreachable
                + ": check that it is running and that the host and port in the image reference"
                + " are right");
  }

  @Test
  void push_withoutCredentials_saysWhichRegistryWantsThemAndHowToGiveThem() {
    ImageReference image = buildHelloApp(Testbed.authRegistry(), "nocredentials");
    DaemonImagePusher pusher =
        new DaemonImagePusher(docker, CredentialSource.ANONYMOUS, FAST_RETRY, false);

    assertThatThrownBy(() -> pusher.push(List.of(image), new CollectingListener()))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry "
                + Testbed.authRegistry()
                + " requires credentials for "
                + image.repository()
                + " (401): log in to it (docker login "
                + Testbed.authRegistry()
                + ") or give the command credentials for it");
  }

  @Test
  void aDaemonThatIsNotThere_isNamedWithItsAddress_beforeAnythingStarts() throws IOException {
    String host = "unix:///nonexistent/docker.sock";
    try (DockerClient absent = DockerDaemon.connect(host)) {
      assertThatThrownBy(() -> DockerDaemon.ping(absent, host))
          .isInstanceOf(DockerDaemonException.class)
          .hasMessage(
              "the Docker daemon at "
                  + host
                  + " is not reachable (no such socket): start Docker, or point --docker-host (or"
                  + " DOCKER_HOST) at it");
    }
  }

  @Test
  void classify_mapsTheDaemonsWordsToStatuses() {
    ImageReference tag = ImageReference.parse("127.0.0.1:5001/app:1");

    assertThat(
            DaemonImagePusher.classify(
                tag, java.util.Optional.empty(), "unauthorized: authentication required"))
        .hasMessage(
            "registry 127.0.0.1:5001 requires credentials for app (401): log in to it (docker"
                + " login 127.0.0.1:5001) or give the command credentials for it");
    assertThat(
            DaemonImagePusher.classify(
                    tag,
                    java.util.Optional.empty(),
                    "denied: requested access to the resource is denied")
                .status())
        .isEqualTo(403);
    assertThat(
            DaemonImagePusher.classify(
                    tag,
                    java.util.Optional.empty(),
                    "received unexpected HTTP status: 502 Bad Gateway")
                .isTransient())
        .isTrue();
    assertThat(
            DaemonImagePusher.classify(
                    tag, java.util.Optional.empty(), "write: connection reset by peer")
                .isTransient())
        .isTrue();
    assertThat(
            DaemonImagePusher.classify(tag, java.util.Optional.empty(), "manifest invalid")
                .isTransient())
        .isFalse();
    assertThat(
            DaemonImagePusher.classify(
                    tag, java.util.Optional.empty(), "tag 127.0.0.1:5000/app: unknown")
                .isTransient())
        .as("a port number is not a status")
        .isFalse();
  }

  /** Builds the sample application tagged into {@code registry} under a fresh repository. */
  static ImageReference buildHelloApp(String registry, String name) {
    ImageReference image = Testbed.uniqueImage(registry, name);
    DockerBuildRequest request =
        new DockerBuildRequest(
            Testbed.helloApp(),
            null,
            List.of(image),
            Map.of("BASE", Testbed.baseImage().toString(), "GREETING", name),
            null,
            Map.of(),
            false,
            DockerBuildRequest.PullPolicy.MISSING);
    new DaemonImageBuilder(docker).build(request, line -> {});
    return image;
  }
}
