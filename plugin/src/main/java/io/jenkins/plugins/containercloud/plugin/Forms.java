package io.jenkins.plugins.containercloud.plugin;

import com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Optional;
import jenkins.model.Jenkins;

/** What the configuration forms show: a check's answer, and lists of global credentials. */
public final class Forms {

  private Forms() {}

  /** An error with the problem, or OK. */
  public static FormValidation check(Optional<String> problem) {
    return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
  }

  /**
   * Credentials of the global scope of these types, for administrators; anyone else sees only the
   * current value, so that the form does not list what they may not use.
   */
  @SafeVarargs
  public static ListBoxModel globalCredentials(
      String current, Class<? extends StandardCredentials>... types) {
    Jenkins jenkins = Jenkins.get();
    if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
      return new StandardListBoxModel().includeCurrentValue(current);
    }
    AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> model =
        new StandardListBoxModel().includeEmptyValue();
    for (Class<? extends StandardCredentials> type : types) {
      model = model.includeAs(ACL.SYSTEM2, jenkins, type);
    }
    return model.includeCurrentValue(current);
  }
}
