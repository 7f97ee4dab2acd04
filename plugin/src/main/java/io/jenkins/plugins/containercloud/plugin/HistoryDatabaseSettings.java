package io.jenkins.plugins.containercloud.plugin;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * An external history database (PostgreSQL in production) by JDBC URL, with the user and password
 * from credentials. Without one, the history is an H2 file under the Jenkins home.
 */
public final class HistoryDatabaseSettings implements Describable<HistoryDatabaseSettings> {

  private final String jdbcUrl;
  private String credentialsId;

  @DataBoundConstructor
  public HistoryDatabaseSettings(String jdbcUrl) {
    this.jdbcUrl = Texts.trimToNull(jdbcUrl);
  }

  public String getJdbcUrl() {
    return jdbcUrl;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  /** The database user and password; none when the URL's server needs none. */
  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = Texts.trimToNull(credentialsId);
  }

  /** The database these settings name, with the password from the credentials. */
  HistoryDatabase database(CredentialResolver credentials) {
    SettingsChecks.jdbcUrl(jdbcUrl)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("history database jdbcUrl: " + p);
            });
    if (credentialsId == null) {
      return HistoryDatabase.jdbc(jdbcUrl, null, null);
    }
    StandardUsernamePasswordCredentials login =
        credentials.require(
            "history database credentialsId",
            credentialsId,
            StandardUsernamePasswordCredentials.class,
            "a username with password");
    return HistoryDatabase.jdbc(jdbcUrl, login.getUsername(), login.getPassword().getPlainText());
  }

  /** What identifies the database, so that a changed setting reopens it. */
  String key() {
    return jdbcUrl + " " + credentialsId;
  }

  /** The form of the external database, with its checks. */
  @Extension
  @Symbol("historyDatabase")
  public static final class DescriptorImpl extends Descriptor<HistoryDatabaseSettings> {

    @Override
    public String getDisplayName() {
      return "External history database";
    }

    public FormValidation doCheckJdbcUrl(@QueryParameter String value) {
      return Forms.check(SettingsChecks.jdbcUrl(value));
    }

    /** Usernames with passwords of the global scope. */
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
      return Forms.globalCredentials(credentialsId, StandardUsernamePasswordCredentials.class);
    }
  }
}
