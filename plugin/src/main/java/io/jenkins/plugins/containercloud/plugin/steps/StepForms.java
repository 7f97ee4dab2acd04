package io.jenkins.plugins.containercloud.plugin.steps;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import java.util.List;
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
   * Whether the current user may see what {@code item}'s configuration chooses from: who may
   * configure it, or, outside any item (the global Snippet Generator), administrators.
   */
  static boolean mayConfigure(Item item) {
    return item == null
        ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
        : item.hasPermission(Item.CONFIGURE);
  }

  /**
   * Usernames with passwords {@code item} may use, for those who may configure it; only the current
   * value for everybody else, so that no credential ids leak.
   */
  static ListBoxModel usernamePasswords(Item item, String current) {
    if (!mayConfigure(item)) {
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

  /**
   * The configured clusters' names, for those who may configure {@code item}; only the current
   * value for everybody else, so that the global configuration's cluster names do not leak.
   */
  static ListBoxModel clusters(Item item, String current) {
    if (!mayConfigure(item)) {
      return clusterNames(List.of(), current);
    }
    return clusterNames(
        ContainerCloudConfiguration.get().getClusters().stream()
            .map(ClusterSettings::getName)
            .toList(),
        current);
  }

  /** {@code names}, and {@code current} when it is not one of them (a cluster since removed). */
  static ListBoxModel clusterNames(List<String> names, String current) {
    ListBoxModel model = new ListBoxModel();
    names.forEach(model::add);
    // ListBoxModel.Option's value is not in the API this plugin compiles against: keep names.
    if (current != null && !current.isBlank() && !names.contains(current)) {
      model.add(current);
    }
    return model;
  }
}
