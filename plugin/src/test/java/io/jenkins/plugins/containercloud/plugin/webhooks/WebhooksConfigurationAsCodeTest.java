package io.jenkins.plugins.containercloud.plugin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.DataBinding;
import io.jenkins.plugins.containercloud.plugin.ProjectFiles;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.TriggerRule;
import io.jenkins.plugins.containercloud.webhook.WebhookSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the documentation: binds {@code docs/examples/jenkins-casc-webhooks.yaml} (also shown in
 * docs/jenkins.md) to the global configuration as configuration-as-code would, and turns it into
 * the engine's hooks with their secrets from credentials.
 */
class WebhooksConfigurationAsCodeTest {

  private static final CredentialResolver CREDENTIALS =
      TestCredentials.resolver(
          TestCredentials.secretText("registry-webhook", "Bearer reg-token"),
          TestCredentials.secretText("github-webhook", "It's a Secret to Everybody"));

  @TempDir Path dir;

  @Test
  void theDocumentedYaml_bindsToHooksWithRulesThatDeployOrStartJobs() throws Exception {
    try (TestConfigurations.Counting configuration =
        TestConfigurations.with(List.of(), List.of(), dir)) {
      DataBinding.apply(configuration, containerCloud());
      List<HookSettings> hooks =
          configuration.getWebhooks().stream().map(h -> h.toHook(CREDENTIALS)).toList();

      assertThat(hooks).extracting(HookSettings::name).containsExactly("registry", "github");
      HookSettings registry = hooks.get(0);
      assertThat(registry.source()).isEqualTo(WebhookSource.REGISTRY);
      assertThat(registry.secret()).isEqualTo("Bearer reg-token");
      assertThat(registry.maxBodyBytes()).isEqualTo(HookSettings.DEFAULT_MAX_BODY);
      assertThat(registry.ratePerSecond()).isEqualTo(HookSettings.DEFAULT_RATE);
      TriggerRule deploy = registry.rules().get(0);
      assertThat(deploy.target())
          .isEqualTo(new TriggerRule.RuleTarget("staging", "hello", "Deployment", "web", "web"));
      assertThat(deploy.tags()).isEqualTo("1.*");
      assertThat(deploy.rollout().timeoutSeconds()).isEqualTo(300);
      assertThat(deploy.job()).isNull();
      TriggerRule api = registry.rules().get(1);
      assertThat(api.target()).isNull();
      assertThat(api.job().jobs()).containsExactly("team/api/deploy");
      assertThat(api.job().newestWins()).isTrue();
      assertThat(api.job().codePushes()).isFalse();

      HookSettings github = hooks.get(1);
      assertThat(github.source()).isEqualTo(WebhookSource.GITHUB);
      assertThat(github.ratePerSecond()).isEqualTo(50);
      TriggerRule code = github.rules().get(0);
      assertThat(code.branches()).isEqualTo("main");
      assertThat(code.job().jobs()).containsExactly("shop/build", "shop/scan");
      assertThat(code.job().codePushes()).isTrue();
      assertThat(code.job().newestWins()).isFalse();
    }
  }

  @Test
  void theGuide_showsTheSameYaml() throws Exception {
    String example =
        Files.readString(ProjectFiles.find("docs/examples/jenkins-casc-webhooks.yaml"));
    String guide = Files.readString(ProjectFiles.find("docs/jenkins.md"));

    assertThat(guide).contains(example.substring(example.indexOf("unclassified:")).strip());
  }

  @Test
  void aRule_mustEitherDeployOrStartJobs_andSaysWhere() {
    WebhookHookSettings hook = new WebhookHookSettings("reg", "registry", "registry-webhook");
    WebhookRuleSettings neither = new WebhookRuleSettings("r1", "team/*");
    hook.setRules(List.of(neither));
    assertThatThrownBy(() -> hook.toHook(CREDENTIALS))
        .hasMessage(
            "webhook reg: rule r1: give either deploy (a workload) or startJobs (Pipeline jobs),"
                + " one of the two");
    neither.setDeploy(new WebhookDeploySettings("c", "ns", "Deployment", "web"));
    neither.setStartJobs(new WebhookJobSettings("a/b"));
    assertThatThrownBy(() -> hook.toHook(CREDENTIALS)).hasMessageContaining("one of the two");
  }

  @Test
  void aHook_namesWhatIsWrong() {
    assertThatThrownBy(
            () ->
                new WebhookHookSettings("reg", "bitbucket", "registry-webhook").toHook(CREDENTIALS))
        .hasMessageStartingWith("webhook reg: source: 'bitbucket' is not a webhook source");
    assertThatThrownBy(() -> new WebhookHookSettings("reg", "registry", "nope").toHook(CREDENTIALS))
        .hasMessageStartingWith("webhook reg: credentialsId: no credentials with id 'nope'");
    assertThatThrownBy(() -> new WebhookHookSettings("reg", "registry", null).toHook(CREDENTIALS))
        .hasMessageContaining("give its secret");
    WebhookHookSettings tiny = new WebhookHookSettings("reg", "registry", "registry-webhook");
    tiny.setMaxBodyBytes(100);
    assertThatThrownBy(() -> tiny.toHook(CREDENTIALS))
        .hasMessage(
            "webhook reg: maxBodyBytes must be from 1024 to 16777216 (or empty for 1048576), was"
                + " 100");
    WebhookHookSettings flood = new WebhookHookSettings("reg", "registry", "registry-webhook");
    flood.setRatePerSecond(0);
    assertThatThrownBy(() -> flood.toHook(CREDENTIALS))
        .hasMessageStartingWith("webhook reg: ratePerSecond must be from 1 to 100000");
    WebhookHookSettings jobs = new WebhookHookSettings("reg", "registry", "registry-webhook");
    WebhookRuleSettings rule = new WebhookRuleSettings("r", "team/*");
    rule.setStartJobs(new WebhookJobSettings(" , "));
    jobs.setRules(List.of(rule));
    assertThatThrownBy(() -> jobs.toHook(CREDENTIALS))
        .hasMessage("webhook reg: rule r: jobs: name at least one job, e.g. team/app/main");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> containerCloud() throws Exception {
    Map<String, Object> yaml =
        new ObjectMapper(new YAMLFactory())
            .readValue(
                ProjectFiles.find("docs/examples/jenkins-casc-webhooks.yaml").toFile(), Map.class);
    return (Map<String, Object>)
        ((Map<String, Object>) yaml.get("unclassified")).get("containerCloud");
  }
}
