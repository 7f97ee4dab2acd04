package io.jenkins.plugins.containercloud.plugin;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Locale;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * One configured registry: its address as image references write it ({@code HOST[:PORT]}), the
 * credentials steps use for it unless they name their own, and whether plain HTTP is allowed.
 */
public final class RegistrySettings implements Describable<RegistrySettings> {

  private final String address;
  private String credentialsId;
  private boolean insecure;

  @DataBoundConstructor
  public RegistrySettings(String address) {
    this.address = Texts.trimToNull(address);
  }

  public String getAddress() {
    return address;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  /** A username with password (or token) for this registry. */
  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = Texts.trimToNull(credentialsId);
  }

  public boolean isInsecure() {
    return insecure;
  }

  /** Whether plain HTTP may be used for this registry (loopback registries always may). */
  @DataBoundSetter
  public void setInsecure(boolean insecure) {
    this.insecure = insecure;
  }

  /** Whether this entry is for {@code host}, as an image reference names it. */
  public boolean isFor(String host) {
    return address != null
        && address.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
  }

  /** The form of a registry, with its checks. */
  @Extension
  @Symbol("registry")
  public static final class DescriptorImpl extends Descriptor<RegistrySettings> {

    @Override
    public String getDisplayName() {
      return "Container registry";
    }

    public FormValidation doCheckAddress(@QueryParameter String value) {
      return Forms.check(SettingsChecks.registryAddress(value));
    }

    /** Usernames with passwords of the global scope. */
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
      return Forms.globalCredentials(credentialsId, StandardUsernamePasswordCredentials.class);
    }
  }
}
