package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.Forms;
import io.jenkins.plugins.containercloud.plugin.Texts;
import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.WebhookSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * One hook senders post to at {@code JENKINS_URL/container-cloud-webhook/{source}/{name}}: the
 * sender, the secret that authenticates it (a secret-text credential, by id) and the rules that say
 * what its pushes deploy or start.
 */
public final class WebhookHookSettings implements Describable<WebhookHookSettings> {

  private final String name;
  private final String source;
  private final String credentialsId;
  private String signingCredentialsId;
  private List<WebhookRuleSettings> rules = new ArrayList<>();
  // Null: the engine's default.
  private Integer maxBodyBytes;
  private Integer ratePerSecond;

  @DataBoundConstructor
  public WebhookHookSettings(String name, String source, String credentialsId) {
    this.name = Texts.trimToNull(name);
    this.source = Texts.trimToNull(source);
    this.credentialsId = Texts.trimToNull(credentialsId);
  }

  public String getName() {
    return name;
  }

  public String getSource() {
    return source;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  public String getSigningCredentialsId() {
    return signingCredentialsId;
  }

  /** GitLab's signing token ({@code whsec_...}), a secret text; optional. */
  @DataBoundSetter
  public void setSigningCredentialsId(String signingCredentialsId) {
    this.signingCredentialsId = Texts.trimToNull(signingCredentialsId);
  }

  public List<WebhookRuleSettings> getRules() {
    return rules == null ? List.of() : List.copyOf(rules);
  }

  @DataBoundSetter
  public void setRules(List<WebhookRuleSettings> rules) {
    this.rules = rules == null ? new ArrayList<>() : new ArrayList<>(rules);
  }

  public Integer getMaxBodyBytes() {
    return maxBodyBytes;
  }

  /** Bodies over this many bytes are refused unread (413); empty for 1 MiB. */
  @DataBoundSetter
  public void setMaxBodyBytes(Integer maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public Integer getRatePerSecond() {
    return ratePerSecond;
  }

  /** Deliveries a second on average (bursts of twice that) before 429; empty for 500. */
  @DataBoundSetter
  public void setRatePerSecond(Integer ratePerSecond) {
    this.ratePerSecond = ratePerSecond;
  }

  /**
   * The engine's hook, its secrets read from the credentials.
   *
   * @throws IllegalArgumentException naming the field and the fix
   */
  public HookSettings toHook(CredentialResolver credentials) {
    if (name == null) {
      throw new IllegalArgumentException("webhook: name is required, e.g. registry");
    }
    String field = "webhook " + name + ": ";
    WebhookSource parsed;
    try {
      parsed = WebhookSource.parse(source);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + "source: " + e.getMessage(), e);
    }
    List<io.jenkins.plugins.containercloud.webhook.TriggerRule> engineRules = new ArrayList<>();
    for (WebhookRuleSettings rule : getRules()) {
      engineRules.add(rule.toRule(field));
    }
    return new HookSettings(
        name,
        parsed,
        secret(credentials, field + "credentialsId", credentialsId),
        secret(credentials, field + "signingCredentialsId", signingCredentialsId),
        engineRules,
        within(
            field + "maxBodyBytes",
            maxBodyBytes,
            HookSettings.DEFAULT_MAX_BODY,
            HookSettings.MIN_BODY_CAP,
            HookSettings.MAX_BODY_CAP),
        within(
            field + "ratePerSecond",
            ratePerSecond,
            HookSettings.DEFAULT_RATE,
            1,
            HookSettings.MAX_RATE));
  }

  private static int within(String field, Integer value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field
              + " must be from "
              + min
              + " to "
              + max
              + " (or empty for "
              + fallback
              + "), was "
              + value);
    }
    return value;
  }

  private static String secret(CredentialResolver credentials, String field, String id) {
    if (id == null) {
      return null;
    }
    return credentials
        .require(field, id, StringCredentials.class, "a secret text")
        .getSecret()
        .getPlainText();
  }

  /** The form of a hook. */
  @Extension
  @Symbol("webhook")
  public static final class DescriptorImpl extends Descriptor<WebhookHookSettings> {

    @Override
    public String getDisplayName() {
      return "Webhook";
    }

    public FormValidation doCheckName(@QueryParameter String value) {
      String name = Texts.trimToNull(value);
      return Forms.check(
          name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")
              ? Optional.of("use letters, digits, '.', '_' and '-' (at most 63), e.g. registry")
              : Optional.empty());
    }

    public ListBoxModel doFillSourceItems() {
      ListBoxModel items = new ListBoxModel();
      for (WebhookSource s : WebhookSource.values()) {
        items.add(s.id());
      }
      return items;
    }

    /** Secret texts of the global scope. */
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
      return Forms.globalCredentials(credentialsId, StringCredentials.class);
    }

    /** Secret texts of the global scope. */
    public ListBoxModel doFillSigningCredentialsIdItems(
        @QueryParameter String signingCredentialsId) {
      return Forms.globalCredentials(signingCredentialsId, StringCredentials.class);
    }
  }
}
