package io.jenkins.plugins.containercloud.rollout;

/** Tells an abort (the rollout's thread interrupted) from a real failure of a request. */
final class Aborts {

  private Aborts() {}

  /**
   * Whether {@code failure} happened because the thread was interrupted: fabric8 wraps the
   * interruption of a request in its own exception and sets the interrupt flag again.
   */
  static boolean isAbort(Throwable failure) {
    if (Thread.currentThread().isInterrupted()) {
      return true;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
