package io.jenkins.plugins.containercloud.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.testing.CollectingListener;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link DaemonImageBuilder}, against the testbed's real Docker daemon. */
class DaemonImageBuilderTest {

  private static DockerClient docker;

  @TempDir Path context;

  @BeforeAll
  static void connect() {
    docker = DockerDaemon.connect(Testbed.dockerHost());
  }

  @AfterAll
  static void close() throws IOException {
    docker.close();
  }

  @Test
  void build_tagsTheImage_withArgsLabelsAndTarget() throws IOException {
    write(
        "Dockerfile",
        "ARG BASE\nFROM ${BASE} AS first\nARG GREETING\nRUN echo \"$GREETING\" > /greeting\n"
            + "FROM first AS second\nRUN echo second > /second\n"
            + "FROM first AS last\nRUN false\n");
    ImageReference one = Testbed.uniqueImage(Testbed.registry(), "build");
    ImageReference two = one.withTag("2");
    CollectingListener progress = new CollectingListener();

    BuiltImage built =
        new DaemonImageBuilder(docker)
            .build(
                new DockerBuildRequest(
                    context,
                    null,
                    List.of(one, two),
                    Map.of("BASE", Testbed.baseImage().toString(), "GREETING", "hi"),
                    "second",
                    Map.of("org.example.team", "platform"),
                    true,
                    DockerBuildRequest.PullPolicy.MISSING),
                progress);

    InspectImageResponse image = docker.inspectImageCmd(built.imageId()).exec();
    assertThat(image.getRepoTags()).contains(one.toString(), two.toString());
    assertThat(image.getConfig().getLabels()).containsEntry("org.example.team", "platform");
    assertThat(progress.lines())
        .anyMatch(l -> l.startsWith("Step ") && l.contains("RUN echo second"));
    assertThat(progress.lines()).noneMatch(l -> l.contains("RUN false"));
  }

  @Test
  void build_honoursDockerignore() throws IOException {
    write(
        "Dockerfile",
        "ARG BASE\nFROM ${BASE}\nCOPY . /ctx/\nRUN test -f /ctx/kept.txt && test ! -e /ctx/secret.txt\n");
    write(".dockerignore", "secret.txt\n");
    write("kept.txt", "kept");
    write("secret.txt", "must not reach the daemon");

    BuiltImage built =
        new DaemonImageBuilder(docker)
            .build(
                withBase(
                    DockerBuildRequest.of(
                        context, Testbed.uniqueImage(Testbed.registry(), "ignore"))),
                line -> {});

    assertThat(built.imageId()).startsWith("sha256:");
  }

  @Test
  void build_failingStep_reportsTheStepAndItsOutput() throws IOException {
    write(
        "Dockerfile",
        "ARG BASE\nFROM ${BASE}\nRUN echo preparing\nRUN echo 'compiler says: missing semicolon' && exit 3\nRUN echo never\n");
    CollectingListener progress = new CollectingListener();

    assertThatThrownBy(
            () ->
                new DaemonImageBuilder(docker)
                    .build(
                        withBase(
                            DockerBuildRequest.of(
                                context, Testbed.uniqueImage(Testbed.registry(), "fail"))),
                        progress))
        .isInstanceOf(ImageBuildException.class)
        .hasMessageContaining(
            "failed at Step 4/5 : RUN echo 'compiler says: missing semicolon' && exit 3")
        .hasMessageContaining("returned a non-zero code: 3")
        .satisfies(
            e -> {
              ImageBuildException failure = (ImageBuildException) e;
              assertThat(failure.step()).startsWith("Step 4/5");
              assertThat(failure.output()).contains("compiler says: missing semicolon");
              assertThat(failure.output()).doesNotContain("preparing");
            });
    assertThat(progress.text()).doesNotContain("Step 5/5");
  }

  @Test
  void build_fromABaseImageTheRegistryLacks_namesTheImageAndTheFix() throws IOException {
    ImageReference base = Testbed.uniqueImage(Testbed.registry(), "absentbase");
    write("Dockerfile", "FROM " + base + "\n");

    assertThatThrownBy(
            () ->
                new DaemonImageBuilder(docker)
                    .build(
                        DockerBuildRequest.of(
                            context, Testbed.uniqueImage(Testbed.registry(), "onabsent")),
                        line -> {}))
        .isInstanceOf(ImageBuildException.class)
        .hasMessageEndingWith(
            "failed at Step 1/1 : FROM "
                + base
                + ": registry "
                + Testbed.registry()
                + " has no image "
                + base.repository()
                + " with that tag or digest (manifest unknown): check the image's name and tag");
  }

  @Test
  void build_badDockerfile_failsBeforeTheFirstStep() throws IOException {
    write("Dockerfile", "FROMM nothing\n");

    assertThatThrownBy(
            () ->
                new DaemonImageBuilder(docker)
                    .build(
                        DockerBuildRequest.of(
                            context, Testbed.uniqueImage(Testbed.registry(), "bad")),
                        line -> {}))
        .isInstanceOf(ImageBuildException.class)
        .hasMessageContaining("failed before the first step")
        .hasMessageContaining("FROMM");
  }

  @Test
  void request_rejectsBadInput_namingTheField() throws IOException {
    ImageReference image = Testbed.uniqueImage("127.0.0.1:5000", "x");

    assertThatThrownBy(() -> DockerBuildRequest.of(context.resolve("absent"), image))
        .hasMessageStartingWith("context: ");
    assertThatThrownBy(() -> DockerBuildRequest.of(context, image))
        .hasMessageStartingWith("dockerfile: ");
    write("Dockerfile", "FROM scratch\n");
    assertThatThrownBy(
            () ->
                new DockerBuildRequest(
                    context,
                    Path.of("../elsewhere/Dockerfile"),
                    List.of(image),
                    null,
                    null,
                    null,
                    false,
                    null))
        .hasMessageStartingWith("dockerfile: ");
    assertThatThrownBy(
            () -> new DockerBuildRequest(context, null, List.of(), null, null, null, false, null))
        .hasMessageStartingWith("tags: ");
    assertThatThrownBy(
            () ->
                new DockerBuildRequest(
                    context,
                    null,
                    List.of(image.withDigest("sha256:" + "a".repeat(64))),
                    null,
                    null,
                    null,
                    false,
                    null))
        .hasMessageStartingWith("tags: a build is tagged, not pinned");
  }

  private static DockerBuildRequest withBase(DockerBuildRequest request) {
    return new DockerBuildRequest(
        request.context(),
        request.dockerfile(),
        request.tags(),
        Map.of("BASE", Testbed.baseImage().toString()),
        null,
        Map.of(),
        false,
        DockerBuildRequest.PullPolicy.MISSING);
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(context.resolve(name), content);
  }
}
