package io.jenkins.plugins.containercloud.plugin.pools;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.Forms;
import io.jenkins.plugins.containercloud.plugin.SettingsChecks;
import io.jenkins.plugins.containercloud.plugin.Texts;
import io.jenkins.plugins.containercloud.scale.ProviderSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;

/**
 * Which IaaS makes a pool's machines, one kind per subclass (EC2, QingCloud, OpenStack, a command),
 * with the Jenkins credentials it signs in with. It becomes the engine's {@link ProviderSettings};
 * secrets go there as {@code file:} references only.
 */
public abstract sealed class PoolProvider implements Describable<PoolProvider>
    permits SignedInProvider, CommandProvider {

  /** The engine's name of this kind: {@code ec2}, {@code qingcloud}, ... */
  public abstract String type();

  /** The settings without secrets, by the engine's keys. */
  abstract Map<String, String> plainSettings();

  /** The id of the username/password credentials it signs in with, or null when none. */
  public abstract String getCredentialsId();

  /** The engine key of the username, or null when it stays out of the settings. */
  abstract String usernameKey();

  /** The engine key of the password's {@code file:} reference. */
  abstract String passwordKey();

  /**
   * The engine's settings, the credentials' secrets written to {@code secrets}.
   *
   * @throws IllegalArgumentException naming the credentials when they cannot be used
   */
  public ProviderSettings settings(CredentialResolver credentials, SecretFiles secrets) {
    Map<String, String> settings = new LinkedHashMap<>(plainSettings());
    settings.values().removeIf(v -> v == null);
    String id = getCredentialsId();
    if (id != null) {
      StandardUsernamePasswordCredentials login =
          credentials.require(
              "credentialsId",
              id,
              StandardUsernamePasswordCredentials.class,
              "a username with password (the access key id and its secret)");
      if (usernameKey() != null) {
        // A key ending in Ref takes a reference; the others (OpenStack's username) the value.
        settings.put(
            usernameKey(),
            usernameKey().endsWith("Ref")
                ? secrets.reference(login.getUsername())
                : login.getUsername());
      }
      settings.put(passwordKey(), secrets.reference(login.getPassword().getPlainText()));
    }
    return new ProviderSettings(type(), settings);
  }

  /** Everything of the settings a restart depends on, as text (no secrets: ids only). */
  public String key() {
    return type() + plainSettings() + getCredentialsId();
  }

  /** The form of a kind: credentials to choose and the checks common to all kinds. */
  public abstract static class KindDescriptor extends Descriptor<PoolProvider> {

    /** Username/password credentials of the global scope. */
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
      return Forms.globalCredentials(credentialsId, StandardUsernamePasswordCredentials.class);
    }

    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
      return Forms.check(
          SettingsChecks.requiredCredentials(
              value, "a username with password: the access key id and its secret"));
    }

    /** Runs the provider's Test connection; only administrators may, by POST. */
    static FormValidation test(PoolProvider provider) {
      Jenkins.get().checkPermission(Jenkins.ADMINISTER);
      return ProviderConnectionTest.run(provider, CredentialResolver.system());
    }
  }

  static String trim(String value) {
    return Texts.trimToNull(value);
  }
}
