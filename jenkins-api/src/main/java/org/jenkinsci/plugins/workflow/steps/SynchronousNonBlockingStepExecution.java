package org.jenkinsci.plugins.workflow.steps;

/**
 * Compile-only declaration of Jenkins' {@code SynchronousNonBlockingStepExecution}; see
 * jenkins-api/README.md.
 */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

  protected SynchronousNonBlockingStepExecution(StepContext context) {
    super(context);
  }

  protected abstract T run() throws Exception;

  @Override
  public final boolean start() throws Exception {
    throw new UnsupportedOperationException(
        "SynchronousNonBlockingStepExecution.start runs only inside Jenkins");
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    throw new UnsupportedOperationException(
        "SynchronousNonBlockingStepExecution.stop runs only inside Jenkins");
  }
}
