package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Compile-only declaration of Jenkins' {@code Step}; see jenkins-api/README.md. */
@SuppressWarnings("deprecation") // workflow-step-api's Step extends the deprecated class too
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {

  public Step() {}

  public abstract StepExecution start(StepContext context) throws Exception;

  @Override
  public StepDescriptor getDescriptor() {
    throw new UnsupportedOperationException("Step.getDescriptor runs only inside Jenkins");
  }
}
