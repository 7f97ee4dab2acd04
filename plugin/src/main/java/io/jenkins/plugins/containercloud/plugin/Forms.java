package io.jenkins.plugins.containercloud.plugin;

import hudson.util.FormValidation;
import java.util.Optional;

/** Turns a check's answer into what a form shows next to the field. */
public final class Forms {

  private Forms() {}

  /** An error with the problem, or OK. */
  public static FormValidation check(Optional<String> problem) {
    return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
  }
}
