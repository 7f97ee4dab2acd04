package io.jenkins.plugins.containercloud.plugin.steps;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import java.util.Optional;
import jenkins.model.Jenkins;

/** What the steps' Snippet Generator forms share: checks by parsing, credential list boxes. */
final class StepForms {

  private StepForms() {}

  /** The message of the argument error {@code parse} throws, or nothing. */
  static Optional<String> problem(Runnable parse) {
    try {
      parse.run();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Usernames with passwords {@code item} may use, for those who may configure it; only the current
   * value for everybody else, so that no credential ids leak.
   */
  static ListBoxModel usernamePasswords(Item item, String current) {
    boolean allowed =
        item == null
            ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
            : item.hasPermission(Item.CONFIGURE);
    if (!allowed) {
      return new StandardListBoxModel().includeCurrentValue(current);
    }
    StandardListBoxModel model = new StandardListBoxModel();
    if (item == null) {
      model
          .includeEmptyValue()
          .includeAs(ACL.SYSTEM2, Jenkins.get(), StandardUsernamePasswordCredentials.class);
    } else {
      model
          .includeEmptyValue()
          .includeAs(ACL.SYSTEM2, item, StandardUsernamePasswordCredentials.class);
    }
    return model.includeCurrentValue(current);
  }

  /** The configured clusters' names, for those who may configure jobs. */
  static ListBoxModel clusters(String current) {
    ListBoxModel model = new ListBoxModel();
    java.util.List<String> names =
        ContainerCloudConfiguration.get().getClusters().stream()
            .map(ClusterSettings::getName)
            .toList();
    names.forEach(model::add);
    // ListBoxModel.Option's value is not in the API this plugin compiles against: keep names.
    if (current != null && !names.contains(current)) {
      model.add(current);
    }
    return model;
  }
}
