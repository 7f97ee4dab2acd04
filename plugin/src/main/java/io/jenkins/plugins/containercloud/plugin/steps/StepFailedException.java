package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.AbortException;

/**
 * A step failed for a reason the user can act on (bad argument, refused credentials, failed
 * rollout); the message says which and what to do, and carries no secret. An {@link
 * AbortException}, so Jenkins prints the message alone, without a stack trace.
 */
public final class StepFailedException extends AbortException {

  private static final long serialVersionUID = 1L;

  public StepFailedException(String message) {
    super(message);
  }
}
