package io.jenkins.plugins.containercloud.standalone;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C or SIGTERM during a rollout into an abort the engine handles: the rollout's thread
 * is interrupted, the engine rolls back and the outcome is recorded, and only then does the JVM
 * exit (within a bound, so a stuck rollback cannot hold the process forever).
 */
final class AbortOnSignal implements AutoCloseable {

  private final Thread worker = Thread.currentThread();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  AbortOnSignal(Duration grace) {
    hook =
        new Thread(
            () -> {
              worker.interrupt();
              try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "container-cloud-abort");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down because of the signal: the hook is running and now returns.
    }
  }
}
