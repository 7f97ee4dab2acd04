package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/**
 * Compile-only declaration of Jenkins' {@code StepExecution}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: it keeps its context, {@link #stop} fails it and {@link #onResume} does
 * nothing, as in Jenkins.
 */
public abstract class StepExecution implements Serializable {

  private final StepContext context;

  protected StepExecution(StepContext context) {
    this.context = context;
  }

  public StepContext getContext() {
    return context;
  }

  public abstract boolean start() throws Exception;

  public void stop(Throwable cause) throws Exception {
    getContext().onFailure(cause);
  }

  public void onResume() {}
}
