package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryAddress;
import io.jenkins.plugins.containercloud.registry.RegistryClient;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link Main}: the command line as a user runs it, against the testbed. */
class CommandLineTest {

  private static final String PINNED = "[^\\s@]+@sha256:[0-9a-f]{64}";

  @TempDir Path work;

  @Test
  void buildWithPush_printsThePinnedReferenceLast() {
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "cli");

    Run run =
        run(
            "build",
            "--context",
            Testbed.helloApp().toString(),
            "--image",
            image.toString(),
            "--tag",
            "2",
            "--push");

    assertThat(run.code).as(run.err).isZero();
    String pinned = run.lastOutLine();
    assertThat(pinned).matches(PINNED).startsWith(image.name() + "@");
    RegistryClient registry =
        RegistryClient.builder(RegistryAddress.of(image.registry(), false)).build();
    String digest = pinned.substring(pinned.indexOf('@') + 1);
    assertThat(registry.headManifest(image.repository(), "1").digest()).isEqualTo(digest);
    assertThat(registry.headManifest(image.repository(), "2").digest()).isEqualTo(digest);
    assertThat(run.err).contains("Step 1/8").contains("Pushed " + image);
  }

  @Test
  void outputJson_describesTheResult() throws Exception {
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "clijson");

    Run run =
        run(
            "build",
            "--context",
            Testbed.helloApp().toString(),
            "--image",
            image.toString(),
            "--push",
            "-o",
            "json",
            "-q");

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.err).isEmpty();
    JsonNode json = new ObjectMapper().readTree(run.out);
    assertThat(json.path("image").asText()).isEqualTo(image.toString());
    assertThat(json.path("pushed").asBoolean()).isTrue();
    assertThat(json.path("reference").asText()).matches(PINNED);
    assertThat(json.path("digest").asText()).startsWith("sha256:");
    assertThat(json.path("imageId").asText()).startsWith("sha256:");
  }

  @Test
  void daemonlessBuild_pushesWithoutTheDaemon() throws Exception {
    Files.writeString(work.resolve("index.html"), "daemonless");
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "clijib");

    Run run =
        run(
            "build",
            "--daemonless",
            "--context",
            work.toString(),
            "--image",
            image.toString(),
            "--base",
            Testbed.baseImage().toString(),
            "--layer",
            "index.html:/www/index.html:644",
            "--cmd",
            "httpd",
            "--cmd=-f",
            "--expose",
            "8080",
            "--cache-dir",
            work.resolve("cache").toString());

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.lastOutLine()).matches(PINNED);
  }

  @Test
  void pushWithAWrongPassword_exits1_andNeverPrintsThePassword() {
    ImageReference image = Testbed.uniqueImage(Testbed.authRegistry(), "clirefused");
    assertThat(
            run("build", "--context", Testbed.helloApp().toString(), "--image", image.toString())
                .code)
        .isZero();
    String password = "not-the-password-" + System.nanoTime();

    Run run =
        runWithStdin(
            password + "\n",
            "push",
            image.toString(),
            "--registry-username",
            "ci",
            "--registry-password-stdin");

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err)
        .contains(
            "error: registry "
                + Testbed.authRegistry()
                + " refused the credentials for user ci (401): check the user name and the password or token");
    assertThat(run.out + run.err).doesNotContain(password);
  }

  @Test
  void pushWithCredentialsFromTheEnvironment_succeeds() {
    ImageReference image = Testbed.uniqueImage(Testbed.authRegistry(), "clienv");
    assertThat(
            run("build", "--context", Testbed.helloApp().toString(), "--image", image.toString())
                .code)
        .isZero();
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(RegistryOptions.USERNAME_ENV, Testbed.authRegistryCredentials().username());
    env.put(RegistryOptions.PASSWORD_ENV, Testbed.authRegistryCredentials().secret());

    Run run = execute("", env, "push", image.toString());

    assertThat(run.code).as(run.err).isZero();
    assertThat(run.lastOutLine()).matches(PINNED);
    assertThat(run.out + run.err).doesNotContain(Testbed.authRegistryCredentials().secret());
  }

  @Test
  void badInput_exits2_withAMessageNamingTheProblem() {
    Run badReference =
        run(
            "build",
            "--context",
            Testbed.helloApp().toString(),
            "--image",
            "127.0.0.1:5000/Team/app:1");
    assertThat(badReference.code).isEqualTo(2);
    assertThat(badReference.err).contains("repository \"Team/app\" must be lowercase");

    Run missingOption = run("build", "--image", "app:1");
    assertThat(missingOption.code).isEqualTo(2);
    assertThat(missingOption.err).contains("Missing required option: '--context=DIR'");

    Run missingContext =
        run("build", "--context", work.resolve("absent").toString(), "--image", "app:1");
    assertThat(missingContext.code).isEqualTo(2);
    assertThat(missingContext.err).contains("context: ");

    Run noImage = run("push", Testbed.registry() + "/never/built:1");
    assertThat(noImage.code).isEqualTo(2);
    assertThat(noImage.err).contains("has no image tagged");

    Run layerWithoutDaemonless =
        run(
            "build",
            "--context",
            Testbed.helloApp().toString(),
            "--image",
            "app:1",
            "--layer",
            "a:/a");
    assertThat(layerWithoutDaemonless.code).isEqualTo(2);
    assertThat(layerWithoutDaemonless.err).contains("--base and --layer need --daemonless");
  }

  @Test
  void failedBuild_exits1_withTheFailedStep() throws Exception {
    Files.writeString(work.resolve("Dockerfile"), "FROM " + Testbed.baseImage() + "\nRUN exit 7\n");

    Run run =
        run(
            "build",
            "--context",
            work.toString(),
            "--image",
            Testbed.uniqueImage(Testbed.registry(), "clifail").toString());

    assertThat(run.code).isEqualTo(1);
    assertThat(run.err)
        .contains("error: build of")
        .contains("failed at Step 2/2 : RUN exit 7")
        .contains("non-zero code: 7");
  }

  private Run run(String... args) {
    return runWithStdin("", args);
  }

  private Run runWithStdin(String stdin, String... args) {
    return execute(stdin, System.getenv(), args);
  }

  private Run execute(String stdin, Map<String, String> env, String... args) {
    Map<String, String> environment = new HashMap<>(env);
    environment.put("DOCKER_HOST", Testbed.dockerHost());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out),
            new PrintWriter(err),
            environment);
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {
    String lastOutLine() {
      List<String> lines = out.lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }
}
