package io.jenkins.plugins.containercloud.webhook;

/**
 * A delivery whose verification failed (answered 401). The message says what was wrong for the user
 * setting up the hook, never what the secret is or what the signature should have been.
 */
public final class DeliveryRefused extends Exception {

  private static final long serialVersionUID = 1L;

  public DeliveryRefused(String message) {
    super(message, null, false, false);
  }
}
