package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.plugin.RegistrySettings;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link AgentWork}. */
class AgentWorkTest {

  @TempDir Path dir;

  @Test
  void anyRuntimeException_becomesAStepFailure_withTheSecretMasked() {
    RegistrySettings registry = new RegistrySettings("registry.example.com");
    registry.setCredentialsId("login");
    RegistryLogins logins =
        RegistryLogins.resolve(
            List.of("registry.example.com"),
            "registry.example.com",
            null,
            TestConfigurations.with(List.of(), List.of(registry), dir),
            TestCredentials.resolver(),
            TestCredentials.resolver(TestCredentials.usernamePassword("login", "ci", "hunter2")));
    PrintStream log = new PrintStream(OutputStream.nullOutputStream());
    AgentWork work = new AgentWork(logins, null, () -> log);

    assertThatThrownBy(
            () ->
                work.run(
                    cloud -> {
                      throw new IllegalStateException("server said: bad password hunter2");
                    }))
        .isInstanceOf(StepFailedException.class)
        .hasMessage("java.lang.IllegalStateException: server said: bad password ****")
        .hasNoCause();
  }
}
