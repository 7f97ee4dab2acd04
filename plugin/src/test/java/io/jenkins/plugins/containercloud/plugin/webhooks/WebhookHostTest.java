package io.jenkins.plugins.containercloud.plugin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.webhook.JobLauncher;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link WebhookHost}: one engine per configuration, made anew when it changes. */
class WebhookHostTest {

  @TempDir Path dir;

  @Test
  void theEngine_staysWhileNothingChanges_andIsMadeAnewWhenASecretChanges() throws Exception {
    try (TestConfigurations.Counting configuration =
        TestConfigurations.with(List.of(), List.of(), dir)) {
      configuration.setWebhooks(List.of(hook()));
      Engines engines = new Engines(configuration, "Bearer one");
      WebhookHost host = new WebhookHost(engines);
      try {
        WebhookIntake first = host.intake();
        assertThat(host.intake()).isSameAs(first);
        assertThat(first.hooks().get(0).secret()).isEqualTo("Bearer one");

        engines.secret = "Bearer two"; // changed in the credentials store only
        WebhookIntake second = host.intake();
        assertThat(second).isNotSameAs(first);
        assertThat(second.hooks().get(0).secret()).isEqualTo("Bearer two");
        assertThat(
                host.deliveriesNow().hooks("/container-cloud-webhook").get(0).path("path").asText())
            .isEqualTo("/container-cloud-webhook/registry/main");
      } finally {
        host.close();
      }
    }
  }

  @Test
  void aHookWhoseCredentialIsGone_makesNoEngine_andSaysWhy() throws Exception {
    try (TestConfigurations.Counting configuration =
        TestConfigurations.with(List.of(), List.of(), dir)) {
      configuration.setWebhooks(
          List.of(new WebhookHookSettings("main", "registry", "deleted-credential")));
      WebhookHost host = new WebhookHost(new Engines(configuration, "unused"));
      assertThatThrownBy(host::intake)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "webhook main: credentialsId: no credentials with id 'deleted-credential'");
      WebhookRequests requests = new WebhookRequests(host::intake);
      assertThat(
              requests
                  .answer(
                      "POST",
                      "/registry/main",
                      java.util.Map.of(),
                      java.io.InputStream.nullInputStream())
                  .status())
          .isEqualTo(503);
      host.close();
    }
  }

  private static WebhookHookSettings hook() {
    WebhookHookSettings hook = new WebhookHookSettings("main", "registry", "registry-webhook");
    WebhookRuleSettings rule = new WebhookRuleSettings("ci", "team/*");
    rule.setStartJobs(new WebhookJobSettings("team/web/main"));
    hook.setRules(List.of(rule));
    return hook;
  }

  /** The test's configuration and a secret that can change; jobs are never started here. */
  private static final class Engines extends WebhookHost.Engines {
    private final ContainerCloudConfiguration configuration;
    volatile String secret;

    Engines(ContainerCloudConfiguration configuration, String secret) {
      this.configuration = configuration;
      this.secret = secret;
    }

    @Override
    ContainerCloudConfiguration configuration() {
      return configuration;
    }

    @Override
    CredentialResolver credentials() {
      return TestCredentials.resolver(TestCredentials.secretText("registry-webhook", secret));
    }

    @Override
    JobLauncher jobs() {
      return request -> {
        throw new AssertionError("no job is started here");
      };
    }
  }
}
