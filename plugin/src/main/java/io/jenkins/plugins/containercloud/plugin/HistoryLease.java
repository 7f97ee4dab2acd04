package io.jenkins.plugins.containercloud.plugin;

import io.jenkins.plugins.containercloud.api.Deployments;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One use of the shared history (a step's deployment or rollback): the {@link Deployments} to
 * record in, kept open until this is closed even if the history's setting changes meanwhile.
 */
public final class HistoryLease implements AutoCloseable {

  private final Deployments deployments;
  private final Runnable release;
  private final AtomicBoolean closed = new AtomicBoolean();

  HistoryLease(Deployments deployments, Runnable release) {
    this.deployments = deployments;
    this.release = release;
  }

  public Deployments deployments() {
    return deployments;
  }

  /** Ends this use; the last use of a history that is no longer configured closes it. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      release.run();
    }
  }
}
