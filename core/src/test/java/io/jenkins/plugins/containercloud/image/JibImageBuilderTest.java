package io.jenkins.plugins.containercloud.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link JibImageBuilder}, against the testbed's real registries. */
class JibImageBuilderTest {

  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200));
  private static final Pattern UPLOADED_DIGEST =
      Pattern.compile("[?&]digest=(sha256(?::|%3A)[0-9a-f]{64})");

  @TempDir Path work;

  @Test
  void secondPush_afterAOneFileChange_uploadsOnlyTheChangedLayer() throws IOException {
    Path app = Files.createDirectories(work.resolve("app"));
    Path config = Files.createDirectories(work.resolve("config"));
    Files.writeString(app.resolve("index.html"), "version 1");
    Files.writeString(config.resolve("settings.conf"), "unchanged settings");
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(Testbed.registry())) {
      ImageReference image = Testbed.uniqueImage(proxy.address(), "jib");
      JibImageBuilder builder = new JibImageBuilder(CredentialSource.ANONYMOUS, FAST_RETRY);

      PushedImage first = builder.buildAndPush(request(image, config, app), line -> {});
      Files.writeString(app.resolve("index.html"), "version 2");
      proxy.clearExchanges();
      PushedImage second = builder.buildAndPush(request(image, config, app), line -> {});

      Manifest before = directRegistry().getManifest(image.repository(), first.digest());
      Manifest after = directRegistry().getManifest(image.repository(), second.digest());
      List<String> layersBefore = before.layerDigests();
      List<String> layersAfter = after.layerDigests();
      String changedLayer = layersAfter.get(layersAfter.size() - 1);
      String newConfig = after.json().path("config").path("digest").asText();
      assertThat(second.digest()).isNotEqualTo(first.digest());
      assertThat(layersAfter.subList(0, layersAfter.size() - 1))
          .isEqualTo(layersBefore.subList(0, layersBefore.size() - 1));
      assertThat(uploadedBlobs(proxy)).containsExactlyInAnyOrder(changedLayer, newConfig);
    }
  }

  @Test
  void build_setsTheContainerConfiguration() throws IOException {
    Path script = Files.writeString(work.resolve("run.sh"), "#!/bin/sh\necho hi\n");
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "jibconfig");
    DaemonlessBuildRequest request =
        new DaemonlessBuildRequest(
            Testbed.baseImage(),
            List.of(image, image.withTag("extra")),
            List.of(new LayerSpec(script, "/app/run.sh", "755")),
            List.of("/bin/sh"),
            List.of("/app/run.sh"),
            Map.of("MODE", "test"),
            List.of("8080", "53/udp"),
            Map.of("org.example.team", "platform"),
            "1000",
            "/app",
            work.resolve("cache"),
            false);

    PushedImage pushed =
        new JibImageBuilder(CredentialSource.ANONYMOUS, FAST_RETRY)
            .buildAndPush(request, line -> {});

    RegistryClient registry =
        RegistryClient.builder(RegistryAddress.of(image.registry(), false)).build();
    Manifest manifest = registry.getManifest(image.repository(), pushed.digest());
    JsonNode config =
        configBlob(image, manifest.json().path("config").path("digest").asText()).path("config");
    assertThat(config.path("Entrypoint").toString()).isEqualTo("[\"/bin/sh\"]");
    assertThat(config.path("Cmd").toString()).isEqualTo("[\"/app/run.sh\"]");
    assertThat(config.path("Env").toString()).contains("MODE=test");
    assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(config.path("ExposedPorts").has("53/udp")).isTrue();
    assertThat(config.path("Labels").path("org.example.team").asText()).isEqualTo("platform");
    assertThat(config.path("User").asText()).isEqualTo("1000");
    assertThat(config.path("WorkingDir").asText()).isEqualTo("/app");
    assertThat(registry.headManifest(image.repository(), "extra").digest())
        .isEqualTo(pushed.digest());
  }

  @Test
  void push_toTheAuthRegistry_withCredentials() throws IOException {
    Path file = Files.writeString(work.resolve("file.txt"), "content");
    ImageReference image = Testbed.uniqueImage(Testbed.authRegistry(), "jibauth");
    DaemonlessBuildRequest request =
        oneFile(
            ImageReference.parse(Testbed.authRegistry() + "/testbed/busybox:latest"), image, file);

    PushedImage pushed =
        new JibImageBuilder(Testbed.authRegistryCredentialSource(), FAST_RETRY)
            .buildAndPush(request, line -> {});

    assertThat(pushed.digest()).startsWith("sha256:");
  }

  @Test
  void push_withAWrongPassword_isRefusedWithoutRetry() throws IOException {
    Path file = Files.writeString(work.resolve("file.txt"), "content");
    String password = "wrong-" + System.nanoTime();
    ImageReference image = Testbed.uniqueImage(Testbed.authRegistry(), "jibrefused");
    DaemonlessBuildRequest request =
        oneFile(
            ImageReference.parse(Testbed.authRegistry() + "/testbed/busybox:latest"), image, file);
    CollectingListener progress = new CollectingListener();
    JibImageBuilder builder =
        new JibImageBuilder(
            CredentialSource.fixed(RegistryCredentials.of("ci", password)), FAST_RETRY);

    assertThatThrownBy(() -> builder.buildAndPush(request, progress))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry "
                + Testbed.authRegistry()
                + " refused the credentials for user ci (401): check the user name and the password or token")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(password));
    assertThat(progress.text()).doesNotContain(password).doesNotContain("retrying");
  }

  @Test
  void build_onABaseImageTheRegistryLacks_namesTheBaseImage_notThePush() throws IOException {
    Path file = Files.writeString(work.resolve("file.txt"), "content");
    ImageReference base = Testbed.uniqueImage(Testbed.registry(), "jibabsentbase");
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "jibonabsent");
    JibImageBuilder builder = new JibImageBuilder(CredentialSource.ANONYMOUS, FAST_RETRY);

    assertThatThrownBy(() -> builder.buildAndPush(oneFile(base, image, file), line -> {}))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry "
                + Testbed.registry()
                + " has no image "
                + base.repository()
                + " with that tag or digest (manifest unknown): check the image's name and tag");
  }

  @Test
  void push_toAPortNothingListensOn_saysTheRegistryRefusedTheConnection() throws IOException {
    Path file = Files.writeString(work.resolve("file.txt"), "content");
    ImageReference image = Testbed.uniqueImage("127.0.0.1:1", "jibrefused");
    CollectingListener progress = new CollectingListener();
    JibImageBuilder builder = new JibImageBuilder(CredentialSource.ANONYMOUS, FAST_RETRY);

    assertThatThrownBy(
            () -> builder.buildAndPush(oneFile(Testbed.baseImage(), image, file), progress))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry 127.0.0.1:1 refused the connection during daemonless push of "
                + image
                + ": check that it is running and that the host and port in the image reference"
                + " are right");
    assertThat(progress.text()).doesNotContain("Exception");
  }

  @Test
  void push_retriesAfterA503() throws IOException {
    Path file = Files.writeString(work.resolve("file.txt"), "content");
    try (FaultInjectingProxy proxy = FaultInjectingProxy.start(Testbed.registry())) {
      ImageReference image = Testbed.uniqueImage(proxy.address(), "jibretry");
      proxy.inject(
          Fault.SERVICE_UNAVAILABLE, 1, r -> r.startsWith("PUT ") && r.contains("/manifests/"));
      CollectingListener progress = new CollectingListener();
      DaemonlessBuildRequest request = oneFile(Testbed.baseImage(), image, file);

      PushedImage pushed =
          new JibImageBuilder(CredentialSource.ANONYMOUS, FAST_RETRY)
              .buildAndPush(request, progress);

      assertThat(pushed.digest()).startsWith("sha256:");
      assertThat(progress.lines()).anyMatch(l -> l.contains("attempt 1 of 3 failed"));
    }
  }

  @Test
  void request_rejectsBadInput_namingTheField() {
    ImageReference image = ImageReference.parse("127.0.0.1:5000/app:1");
    Path cache = work.resolve("cache");

    assertThatThrownBy(() -> new LayerSpec(work.resolve("absent"), "/x", null))
        .hasMessageStartingWith("layer: source");
    assertThatThrownBy(() -> new LayerSpec(work, "relative", null))
        .hasMessageContaining("must be an absolute path");
    assertThatThrownBy(() -> new LayerSpec(work, "/x", "999"))
        .hasMessageContaining("three octal digits");
    assertThatThrownBy(() -> LayerSpec.parse("only-one-part", work))
        .hasMessageContaining("SRC:DEST");
    assertThatThrownBy(
            () ->
                new DaemonlessBuildRequest(
                    null,
                    List.of(image),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    cache,
                    false))
        .hasMessageStartingWith("base: ");
    assertThatThrownBy(
            () ->
                new DaemonlessBuildRequest(
                    image,
                    List.of(image, ImageReference.parse("127.0.0.1:5000/other:1")),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    cache,
                    false))
        .hasMessageContaining("pushes to one repository");
    assertThatThrownBy(
            () ->
                new DaemonlessBuildRequest(
                    image,
                    List.of(image),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "relative",
                    cache,
                    false))
        .hasMessageStartingWith("workingDirectory: ");
  }

  /** A build that adds one file to the base image, with everything else left as the base has it. */
  private DaemonlessBuildRequest oneFile(ImageReference base, ImageReference image, Path file) {
    return new DaemonlessBuildRequest(
        base,
        List.of(image),
        List.of(new LayerSpec(file, "/file.txt", null)),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        work.resolve("cache"),
        false);
  }

  private DaemonlessBuildRequest request(ImageReference image, Path config, Path app) {
    return new DaemonlessBuildRequest(
        Testbed.baseImage(),
        List.of(image),
        List.of(new LayerSpec(config, "/etc/app", null), new LayerSpec(app, "/www", null)),
        null,
        List.of("httpd", "-f", "-h", "/www"),
        null,
        null,
        null,
        null,
        null,
        work.resolve("cache"),
        false);
  }

  /** The registry behind the proxy, read directly so that reads are not counted as uploads. */
  private static RegistryClient directRegistry() {
    return RegistryClient.builder(RegistryAddress.of(Testbed.registry(), false)).build();
  }

  /**
   * The digests of blobs whose upload completed (the PUT that closes an upload names the digest).
   */
  private static Set<String> uploadedBlobs(FaultInjectingProxy proxy) {
    return proxy.exchanges().stream()
        .filter(e -> e.method().equals("PUT") && e.path().contains("/blobs/uploads/"))
        .map(e -> UPLOADED_DIGEST.matcher(e.path()))
        .filter(Matcher::find)
        .map(m -> m.group(1).replace("%3A", ":"))
        .collect(Collectors.toSet());
  }

  private static JsonNode configBlob(ImageReference image, String digest) throws IOException {
    try {
      java.net.http.HttpResponse<byte[]> response =
          java.net.http.HttpClient.newBuilder()
              .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
              .build()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://"
                                  + image.registry()
                                  + "/v2/"
                                  + image.repository()
                                  + "/blobs/"
                                  + digest))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
