package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Compile-only declaration of Jenkins' {@code StepDescriptor}; see jenkins-api/README.md. */
public abstract class StepDescriptor extends Descriptor<Step> {

  public StepDescriptor() {}

  public abstract Set<? extends Class<?>> getRequiredContext();

  public abstract String getFunctionName();

  public boolean takesImplicitBlockArgument() {
    return false;
  }

  public boolean isAdvanced() {
    return false;
  }
}
