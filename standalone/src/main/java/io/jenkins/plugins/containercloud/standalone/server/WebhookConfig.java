package io.jenkins.plugins.containercloud.standalone.server;

import io.jenkins.plugins.containercloud.webhook.BuildSpec;
import io.jenkins.plugins.containercloud.webhook.GitLogin;
import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.TriggerRule;
import io.jenkins.plugins.containercloud.webhook.WebhookSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code webhooks:} section of the server's configuration: each hook's source, secret (by
 * reference only) and trigger rules, validated whole with the key's path in every error.
 */
final class WebhookConfig {

  private WebhookConfig() {}

  /**
   * @param clusters the configured cluster names ({@code sandbox} when none is configured), which
   *     rule targets must name
   */
  static List<HookSettings> read(ConfigNode top, Set<String> clusters) {
    List<HookSettings> hooks = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode h : top.list("webhooks")) {
      h.only("name", "source", "secret", "signingToken", "maxBodyBytes", "ratePerSecond", "rules");
      String name = h.requiredText("name", "shop-registry");
      if (!names.add(name)) {
        throw new ConfigException(h.path() + ".name", "another hook is already named " + name);
      }
      WebhookSource source;
      try {
        source = WebhookSource.parse(h.requiredText("source", "registry"));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(h.path() + ".source", e.getMessage());
      }
      List<TriggerRule> rules = new ArrayList<>();
      Set<String> ruleNames = new HashSet<>();
      for (ConfigNode r : h.list("rules")) {
        TriggerRule rule = rule(r, clusters);
        if (!ruleNames.add(rule.name())) {
          throw new ConfigException(
              r.path() + ".name", "another rule is already named " + rule.name());
        }
        rules.add(rule);
      }
      try {
        hooks.add(
            new HookSettings(
                name,
                source,
                h.secret("secret"),
                h.secret("signingToken"),
                rules,
                h.integer(
                    "maxBodyBytes",
                    HookSettings.DEFAULT_MAX_BODY,
                    HookSettings.MIN_BODY_CAP,
                    HookSettings.MAX_BODY_CAP),
                h.integer("ratePerSecond", HookSettings.DEFAULT_RATE, 1, HookSettings.MAX_RATE)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(h.path(), e.getMessage());
      }
    }
    return hooks;
  }

  private static TriggerRule rule(ConfigNode r, Set<String> clusters) {
    r.only("name", "repository", "tags", "branches", "registry", "target", "rollout", "build");
    if (!r.has("target")) {
      throw new ConfigException(
          r.path() + ".target",
          "is required, e.g. {cluster: production, namespace: shop, kind: Deployment, name: web}");
    }
    ConfigNode t = r.get("target").only("cluster", "namespace", "kind", "name", "container");
    String cluster = t.requiredText("cluster", "production");
    if (!clusters.contains(cluster)) {
      throw new ConfigException(
          t.path() + ".cluster",
          "no cluster is named " + cluster + "; configured: " + String.join(", ", clusters));
    }
    TriggerRule.RolloutSettings rollout = null;
    if (r.has("rollout")) {
      ConfigNode o = r.get("rollout").only("maxSurge", "maxUnavailable", "timeoutSeconds");
      rollout =
          new TriggerRule.RolloutSettings(
              o.text("maxSurge"),
              o.text("maxUnavailable"),
              o.has("timeoutSeconds") ? o.integer("timeoutSeconds", 0, 1, 86_400) : null);
    }
    BuildSpec build = r.has("build") ? build(r.get("build")) : null;
    try {
      return new TriggerRule(
          r.requiredText("name", "web"),
          r.requiredText("repository", "team/web"),
          r.text("tags"),
          r.text("registry"),
          new TriggerRule.RuleTarget(
              cluster,
              t.requiredText("namespace", "shop"),
              t.requiredText("kind", "Deployment"),
              t.requiredText("name", "web"),
              t.text("container")),
          rollout,
          r.text("branches"),
          build);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(r.path(), e.getMessage());
    }
  }

  /** A code-push rule's build section; a daemonless build names its base image and command. */
  private static BuildSpec build(ConfigNode b) {
    b.only("image", "tag", "context", "dockerfile", "gitUrl", "daemonless", "gitCredentials");
    String base = null;
    List<String> cmd = List.of();
    if (b.has("daemonless")) {
      ConfigNode d = b.get("daemonless").only("base", "cmd");
      base = d.requiredText("base", "registry.internal:5000/busybox");
      cmd = d.list("cmd").stream().map(ConfigNode::value).toList();
    }
    GitLogin login = null;
    if (b.has("gitCredentials")) {
      ConfigNode g = b.get("gitCredentials").only("username", "password");
      String username = g.requiredText("username", "ci-bot");
      String password = g.secret("password");
      if (password == null) {
        throw new ConfigException(
            g.path() + ".password",
            "is required: {file: PATH} or {env: VARIABLE} holding the password or token");
      }
      login = new GitLogin(username, password);
    }
    try {
      return new BuildSpec(
          b.text("gitUrl"),
          b.text("context"),
          b.text("dockerfile"),
          base != null,
          base,
          cmd,
          b.requiredText("image", "registry.internal:5000/team/web"),
          b.text("tag"),
          login);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(b.path(), e.getMessage());
    }
  }
}
