package io.jenkins.plugins.containercloud.plugin;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One configured Kubernetes cluster: its name (what steps refer to), the credentials (a kubeconfig
 * as a Secret file, or a token as Secret text), and for a token the API server URL and CA
 * certificate; optionally the default namespace.
 */
public final class ClusterSettings implements Describable<ClusterSettings> {

  private final String name;
  private final String credentialsId;
  private String serverUrl;
  private String caCertificate;
  private String namespace;

  @DataBoundConstructor
  public ClusterSettings(String name, String credentialsId) {
    this.name = Texts.trimToNull(name);
    this.credentialsId = Texts.trimToNull(credentialsId);
  }

  public String getName() {
    return name;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  public String getServerUrl() {
    return serverUrl;
  }

  /** The API server, e.g. {@code https://10.0.0.1:6443}; needed with a token. */
  @DataBoundSetter
  public void setServerUrl(String serverUrl) {
    this.serverUrl = Texts.trimToNull(serverUrl);
  }

  public String getCaCertificate() {
    return caCertificate;
  }

  /** The API server's CA certificate in PEM, used with a token; else the JVM's trust store. */
  @DataBoundSetter
  public void setCaCertificate(String caCertificate) {
    this.caCertificate = Texts.trimToNull(caCertificate);
  }

  public String getNamespace() {
    return namespace;
  }

  /** The namespace steps use when they name none; else the kubeconfig's, else default. */
  @DataBoundSetter
  public void setNamespace(String namespace) {
    this.namespace = Texts.trimToNull(namespace);
  }

  /** The form of a cluster, with its checks and the "Test connection" button. */
  @Extension
  @Symbol("cluster")
  public static final class DescriptorImpl extends Descriptor<ClusterSettings> {

    @Override
    public String getDisplayName() {
      return "Kubernetes cluster";
    }

    public FormValidation doCheckName(@QueryParameter String value) {
      return Forms.check(SettingsChecks.clusterName(value));
    }

    public FormValidation doCheckServerUrl(@QueryParameter String value) {
      return Forms.check(SettingsChecks.serverUrl(value));
    }

    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
      return Forms.check(
          SettingsChecks.requiredCredentials(
              value, "a kubeconfig (Secret file) or a token (Secret text)"));
    }

    public FormValidation doCheckCaCertificate(@QueryParameter String value) {
      return Forms.check(SettingsChecks.caCertificate(value));
    }

    public FormValidation doCheckNamespace(@QueryParameter String value) {
      return Forms.check(SettingsChecks.namespace(value));
    }

    /** Secret files (kubeconfigs) and Secret texts (tokens) of the global scope. */
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
      return Forms.globalCredentials(credentialsId, FileCredentials.class, StringCredentials.class);
    }

    /**
     * Connects with the form's values and reports the server's version, or exactly what failed.
     * Only administrators may, and only by POST: it reaches out with stored credentials.
     */
    @POST
    public FormValidation doTestConnection(
        @QueryParameter String name,
        @QueryParameter String serverUrl,
        @QueryParameter String credentialsId,
        @QueryParameter String caCertificate,
        @QueryParameter String namespace) {
      Jenkins.get().checkPermission(Jenkins.ADMINISTER);
      ClusterSettings settings = new ClusterSettings(name, credentialsId);
      settings.setServerUrl(serverUrl);
      settings.setCaCertificate(caCertificate);
      settings.setNamespace(namespace);
      return ConnectionTest.run(settings, CredentialResolver.system());
    }
  }

  /** The settings' problems, or nothing; the first problem found. */
  Optional<String> problem() {
    return SettingsChecks.clusterName(name)
        .map(p -> "name: " + p)
        .or(() -> SettingsChecks.serverUrl(serverUrl).map(p -> "serverUrl: " + p))
        .or(() -> SettingsChecks.namespace(namespace).map(p -> "namespace: " + p))
        .or(() -> SettingsChecks.caCertificate(caCertificate).map(p -> "caCertificate: " + p));
  }
}
