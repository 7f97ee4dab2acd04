package io.jenkins.plugins.containercloud.plugin;

import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import java.util.function.Supplier;

/**
 * Keeps one {@link Deployments} open for the configured history database, shared by every step (an
 * embedded H2 file belongs to one owner), and reopens it when the setting changes.
 */
final class HistoryConnections {

  private String openKey;
  private Deployments open;

  /** The deployments over the database {@code key} names, opening it on first use. */
  synchronized Deployments deployments(String key, Supplier<HistoryDatabase> database) {
    if (open != null && key.equals(openKey)) {
      return open;
    }
    close();
    open = Deployments.open(database.get());
    openKey = key;
    return open;
  }

  synchronized void close() {
    if (open != null) {
      try {
        open.close();
      } finally {
        open = null;
        openKey = null;
      }
    }
  }
}
