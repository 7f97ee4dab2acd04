package io.jenkins.plugins.containercloud.webhook;

/** A pipeline step failed; the message is one sentence naming the cause, with no secret in it. */
public final class StepFailure extends Exception {

  private static final long serialVersionUID = 1L;

  public StepFailure(String message) {
    super(message, null, false, false);
  }
}
