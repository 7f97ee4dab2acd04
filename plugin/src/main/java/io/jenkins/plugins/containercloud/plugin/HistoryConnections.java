package io.jenkins.plugins.containercloud.plugin;

import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import java.util.function.Supplier;

/**
 * Keeps one {@link Deployments} open for the configured history database, shared by every step (an
 * embedded H2 file belongs to one owner). When the setting changes, the next use opens the new
 * database, and the old one is closed when its last user (a rollout still recording) finishes.
 */
final class HistoryConnections {

  /** The connection steps get now, or null until first use. */
  private Shared current;

  /** A use of the history over the database {@code key} names, opening it if it is not open. */
  synchronized HistoryLease acquire(String key, Supplier<HistoryDatabase> database) {
    if (current == null || !current.key.equals(key)) {
      Shared opened = new Shared(key, Deployments.open(database.get()));
      retire(current);
      current = opened;
    }
    Shared used = current;
    used.users++;
    return new HistoryLease(used.deployments, () -> release(used));
  }

  /** Closes the history now if nobody uses it, else when its last user finishes. */
  synchronized void close() {
    retire(current);
    current = null;
  }

  private synchronized void release(Shared used) {
    used.users--;
    if (used != current && used.users == 0) {
      used.deployments.close();
    }
  }

  private static void retire(Shared shared) {
    if (shared != null && shared.users == 0) {
      shared.deployments.close();
    }
  }

  /** One open history and how many uses hold it. */
  private static final class Shared {
    private final String key;
    private final Deployments deployments;
    private int users;

    Shared(String key, Deployments deployments) {
      this.key = key;
      this.deployments = deployments;
    }
  }
}
