package io.jenkins.plugins.containercloud.registry;

/** An image reference that does not follow the reference grammar; the message names the part. */
public final class InvalidReferenceException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidReferenceException(String reference, String problem) {
    super("invalid image reference \"" + reference + "\": " + problem);
  }
}
