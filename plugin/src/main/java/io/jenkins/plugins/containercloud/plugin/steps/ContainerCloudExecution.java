package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The common part of the steps' executions: they run off the CPS thread, take what they need from a
 * {@link StepHost}, and turn the engine's failures into a {@link StepFailedException} whose message
 * names the cause, masked.
 *
 * <p>Aborting the build calls {@link #stop}, which only interrupts the worker thread: the engine
 * then stops the rollout and rolls it back, and {@link #run()} reports the abort once that is done
 * and recorded. (Jenkins' own {@code stop} would end the step at once, with the rollback still
 * writing to a finished build.)
 */
abstract class ContainerCloudExecution<T> extends SynchronousNonBlockingStepExecution<T> {

  private static final long serialVersionUID = 1L;

  private final transient StepHost.Factory hosts;
  private transient volatile Thread worker;
  private transient volatile Throwable stopCause;

  ContainerCloudExecution(StepContext context, StepHost.Factory hosts) {
    super(context);
    this.hosts = hosts;
  }

  @Override
  public void stop(Throwable cause) {
    stopCause = cause;
    Thread running = worker;
    if (running != null) {
      running.interrupt();
    }
    // Not running yet: run() sees the cause when it starts. Already done: nothing to stop.
  }

  @Override
  protected final T run() throws Exception {
    worker = Thread.currentThread();
    try {
      if (stopCause != null) {
        throw stopped(null);
      }
      T result;
      try {
        result = runMasked();
      } catch (Exception e) {
        throw stopCause == null ? e : stopped(e);
      }
      if (stopCause != null) {
        throw stopped(null);
      }
      return result;
    } finally {
      worker = null;
      // The pool thread is reused: an interrupt that arrived after the work must not leak.
      Thread.interrupted();
    }
  }

  /** The cause given to {@link #stop}, with what the stopped work threw attached to it. */
  private Exception stopped(Exception failure) {
    Throwable cause = stopCause;
    Exception reported =
        cause instanceof Exception e
            ? e
            : (Exception) new InterruptedException(String.valueOf(cause)).initCause(cause);
    if (failure != null && failure != reported) {
      reported.addSuppressed(failure);
    }
    return reported;
  }

  private T runMasked() throws Exception {
    StepHost host = hosts.open(getContext());
    SecretMasker masker = new SecretMasker();
    try {
      return run(host, masker);
    } catch (RuntimeException e) {
      // Whatever the engine or a library threw: its message may quote a secret; its stack trace
      // is not kept, for the same reason.
      String message = masker.mask(StepFailures.describe(e));
      host.listener().error(message);
      throw new StepFailedException(message);
    } catch (StepFailedException e) {
      host.listener().error(e.getMessage());
      throw e;
    }
  }

  /** The step's work; {@code masker} collects every secret the step resolves. */
  abstract T run(StepHost host, SecretMasker masker) throws Exception;
}
