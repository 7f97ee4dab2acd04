package io.jenkins.plugins.containercloud.webhook;

/**
 * A verified delivery that cannot be read: not JSON, the wrong content type, or a field it must
 * have is missing (answered 400). The message names the field.
 */
public final class MalformedDelivery extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedDelivery(String message) {
    super(message, null, false, false);
  }
}
