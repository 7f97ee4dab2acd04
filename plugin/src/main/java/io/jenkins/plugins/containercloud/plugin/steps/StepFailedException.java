package io.jenkins.plugins.containercloud.plugin.steps;

/**
 * A step failed for a reason the user can act on (bad argument, refused credentials, failed
 * rollout); the message says which and what to do, and carries no secret.
 */
public final class StepFailedException extends java.io.IOException {

  private static final long serialVersionUID = 1L;

  public StepFailedException(String message) {
    super(message);
  }
}
