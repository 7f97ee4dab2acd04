package io.jenkins.plugins.containercloud.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.WebhookSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code webhooks:} section of the server's configuration ({@link WebhookConfig}). */
class WebhookConfigTest {

  @TempDir Path directory;

  @Test
  void hooksAndRulesAreRead_secretsByReference() throws IOException {
    ServerConfig config =
        read(
            """
        webhooks:
          - name: shop
            source: github
            secret: {env: GITHUB_HOOK_SECRET}
            ratePerSecond: 50
            rules:
              - name: web
                repository: octo-org/*
                tags: "v*"
                registry: registry.internal:5000
                target: {cluster: sandbox, namespace: shop, kind: Deployment, name: web, container: app}
                rollout: {maxSurge: "1", maxUnavailable: "0", timeoutSeconds: 300}
          - name: gl
            source: gitlab
            signingToken: {env: GITLAB_SIGNING}
        """,
            Map.of("GITHUB_HOOK_SECRET", "s3cret", "GITLAB_SIGNING", "whsec_AAAA"));
    HookSettings shop = config.webhooks().get(0);
    assertThat(shop.source()).isEqualTo(WebhookSource.GITHUB);
    assertThat(shop.secret()).isEqualTo("s3cret");
    assertThat(shop.ratePerSecond()).isEqualTo(50);
    assertThat(shop.maxBodyBytes()).isEqualTo(HookSettings.DEFAULT_MAX_BODY);
    assertThat(shop.rules().get(0).target().toString()).isEqualTo("sandbox/shop/Deployment/web");
    assertThat(shop.rules().get(0).rollout().timeoutSeconds()).isEqualTo(300);
    assertThat(config.webhooks().get(1).signingToken()).isEqualTo("whsec_AAAA");
    assertThat(config.toString() + shop).doesNotContain("s3cret");
  }

  @Test
  void anInlineSecret_isRefused() {
    assertThatThrownBy(
            () -> read("webhooks:\n  - {name: a, source: github, secret: plain}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("webhooks[0].secret")
        .hasMessageContaining("by reference");
  }

  @Test
  void aHookWithoutSecret_isRefused() {
    assertThatThrownBy(() -> read("webhooks:\n  - {name: a, source: registry}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("give its secret");
  }

  @Test
  void anUnknownSourceOrCluster_isNamed() {
    assertThatThrownBy(
            () ->
                read(
                    "webhooks:\n  - {name: a, source: bitbucket, secret: {env: S}}\n",
                    Map.of("S", "x")))
        .hasMessageContaining("webhooks[0].source")
        .hasMessageContaining("github, gitlab, dockerhub, harbor, registry");
    assertThatThrownBy(() -> readRule("{cluster: prod, namespace: n, kind: Deployment, name: w}"))
        .hasMessageContaining("webhooks[0].rules[0].target.cluster")
        .hasMessageContaining("sandbox");
  }

  @Test
  void aWrongKind_isNamed() {
    assertThatThrownBy(
            () -> readRule("{cluster: sandbox, namespace: n, kind: StatefulSet, name: w}"))
        .hasMessageContaining("webhooks[0].rules[0]")
        .hasMessageContaining("StatefulSet");
  }

  /** A registry hook with one rule whose target is {@code target}. */
  @Test
  void aBuildRule_isRead_withItsDefaults() throws IOException {
    ServerConfig config =
        read(
            """
        webhooks:
          - name: gh
            source: github
            secret: {env: S}
            rules:
              - name: web
                repository: team/web
                branches: "release/*"
                build:
                  image: registry.internal:5000/team/web
                  daemonless: {base: registry.internal:5000/busybox, cmd: [httpd, -f]}
                target: {cluster: sandbox, namespace: shop, kind: Deployment, name: web}
        """,
            Map.of("S", "x"));
    var rule = config.webhooks().get(0).rules().get(0);
    assertThat(rule.branches()).isEqualTo("release/*");
    assertThat(rule.build().daemonless()).isTrue();
    assertThat(rule.build().cmd()).containsExactly("httpd", "-f");
    assertThat(rule.build().tag()).isEqualTo("{commit}");
    assertThat(rule.build().context()).isEqualTo(".");
    assertThat(rule.build().dockerfile()).isEqualTo("Dockerfile");
  }

  @Test
  void aBuildRule_withATaggedImageOrAFileUrl_isRefusedNamingTheField() {
    String rule =
        "webhooks:\n  - name: gh\n    source: github\n    secret: {env: S}\n    rules:\n"
            + "      - {name: web, repository: x, target: {cluster: sandbox, namespace: a,"
            + " kind: Deployment, name: w}, build: %s}\n";
    assertThatThrownBy(() -> read(rule.formatted("{image: reg/x:1}"), Map.of("S", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("webhooks[0].rules[0].build")
        .hasMessageContaining("without tag or digest");
    assertThatThrownBy(
            () -> read(rule.formatted("{image: reg/x, gitUrl: \"file:///srv\"}"), Map.of("S", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("build.gitUrl");
    assertThatThrownBy(
            () ->
                read(
                    rule.formatted("{image: reg/x, gitUrl: \"https://u:pw@git.example/x.git\"}"),
                    Map.of("S", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("remove them from the address")
        .hasMessageNotContaining("pw@");
  }

  @Test
  void gitCredentials_areReadByReference_andOnlyForHttpsAddresses() throws IOException {
    String rule =
        "webhooks:\n  - name: gh\n    source: github\n    secret: {env: S}\n    rules:\n"
            + "      - {name: web, repository: x, target: {cluster: sandbox, namespace: a,"
            + " kind: Deployment, name: w}, build: {image: reg/x, %s}}\n";
    Map<String, String> env = Map.of("S", "x", "GIT_TOKEN", "tok-3f9a");
    ServerConfig config =
        read(rule.formatted("gitCredentials: {username: ci, password: {env: GIT_TOKEN}}"), env);
    var login = config.webhooks().get(0).rules().get(0).build().gitCredentials();
    assertThat(login.username()).isEqualTo("ci");
    assertThat(login.password()).isEqualTo("tok-3f9a");
    assertThat(config.webhooks().get(0).rules().get(0).toString()).doesNotContain("tok-3f9a");
    assertThatThrownBy(
            () -> read(rule.formatted("gitCredentials: {username: ci, password: tok-3f9a}"), env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("build.gitCredentials.password")
        .hasMessageContaining("never inline")
        .hasMessageNotContaining("tok-3f9a");
    assertThatThrownBy(() -> read(rule.formatted("gitCredentials: {username: ci}"), env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("build.gitCredentials.password");
    assertThatThrownBy(
            () ->
                read(
                    rule.formatted(
                        "gitUrl: \"git://git.example/x.git\", gitCredentials: {username: ci,"
                            + " password: {env: GIT_TOKEN}}"),
                    env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot carry build.gitCredentials");
  }

  private ServerConfig readRule(String target) throws IOException {
    return read(
        "webhooks:\n  - name: a\n    source: registry\n    secret: {env: S}\n    rules:\n"
            + "      - {name: r, repository: x, target: "
            + target
            + "}\n",
        Map.of("S", "x"));
  }

  private ServerConfig read(String yaml, Map<String, String> env) throws IOException {
    Path file = directory.resolve("server.yaml");
    Files.writeString(file, yaml);
    return ServerConfig.read(file, env);
  }
}
