package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.TestbedGit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GitCheckout} of a private repository: the testbed's Git server over HTTP behind Basic auth
 * ({@code git http-backend}), with the right login, a wrong password, none, and an address that
 * cannot carry a login. No message holds the password.
 */
class GitCheckoutCredentialsTest {

  @TempDir Path dir;
  private String httpUrl;
  private String commit;
  private GitLogin login;

  @BeforeEach
  void repository() throws Exception {
    String name = "private-" + UUID.randomUUID().toString().substring(0, 8);
    String gitUrl = TestbedGit.newRepository(name);
    try (Git git = Git.init().setDirectory(dir.resolve("source").toFile()).call()) {
      commit = TestbedGit.commitAndPush(git, gitUrl, Map.of("app/version.txt", "7\n"), "seven");
    }
    httpUrl = Testbed.require("TESTBED_GIT_HTTP_URL") + "/" + name + ".git";
    login =
        new GitLogin(
            Testbed.require("TESTBED_GIT_HTTP_USER"),
            Files.readString(Path.of(Testbed.require("TESTBED_GIT_HTTP_PASSWORD_FILE"))).strip());
  }

  @Test
  void theRightLogin_checksTheCommitOut() throws Exception {
    Path folder = dir.resolve("work");
    GitCheckout.checkout(job(httpUrl), folder, Optional.of(login), ProgressListener.NONE);
    assertThat(folder.resolve("app/version.txt")).hasContent("7");
  }

  @Test
  void aWrongPassword_isRefusedClearly_withoutThePassword() {
    GitLogin wrong = new GitLogin(login.username(), "wrong-password-51c2");
    assertThatThrownBy(
            () ->
                GitCheckout.checkout(
                    job(httpUrl), dir.resolve("work"), Optional.of(wrong), ProgressListener.NONE))
        .isInstanceOf(StepFailure.class)
        .hasMessage(
            "cannot fetch refs/heads/main from "
                + httpUrl
                + ": the server refused user "
                + login.username()
                + " (check the password or token of the rule's build.gitCredentials)")
        .hasMessageNotContaining("wrong-password-51c2");
  }

  @Test
  void noLogin_saysToGiveOne() {
    assertThatThrownBy(
            () ->
                GitCheckout.checkout(
                    job(httpUrl), dir.resolve("work"), Optional.empty(), ProgressListener.NONE))
        .isInstanceOf(StepFailure.class)
        .hasMessageEndingWith("the server asks for a login; give the rule's build.gitCredentials");
  }

  @Test
  void aLogin_isNeverSentToAnAddressThatCannotCarryIt() {
    String daemon = Testbed.require("TESTBED_GIT_URL") + "/x.git";
    assertThatThrownBy(
            () ->
                GitCheckout.checkout(
                    job(daemon), dir.resolve("work"), Optional.of(login), ProgressListener.NONE))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("cannot carry build.gitCredentials")
        .hasMessageNotContaining(login.password());
    assertThatThrownBy(() -> GitLogin.checkUrl("build.gitUrl", "http://git.example/x.git"))
        .hasMessageContaining("use an https:// address");
  }

  @Test
  void aLogin_neverShowsItsPassword() {
    assertThat(login.toString()).doesNotContain(login.password());
  }

  private BuildJob job(String url) {
    return new BuildJob(
        new BuildSpec(null, "app", null, false, null, null, "127.0.0.1:5000/team/web", null),
        url,
        commit,
        "refs/heads/main",
        "gh/web",
        "127.0.0.1:5000/team/web:1");
  }
}
