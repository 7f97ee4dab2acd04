package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts informers together and waits, bounded, until each holds its first full list. */
final class InformerSync {

  private InformerSync() {}

  /**
   * Starts every informer, then waits for each; on failure stops them all.
   *
   * @param where where they watch, for the message: "in namespace shop", "in every namespace"
   * @throws ClusterException naming the kind that could not be watched and why
   */
  static void startAll(List<SharedIndexInformer<?>> informers, Duration timeout, String where) {
    informers.forEach(SharedIndexInformer::start);
    for (SharedIndexInformer<?> informer : informers) {
      try {
        informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        informers.forEach(SharedIndexInformer::stop);
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted while reading the cluster " + where);
      } catch (ExecutionException | TimeoutException e) {
        informers.forEach(SharedIndexInformer::stop);
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        throw new ClusterException(
            "cannot watch "
                + informer.getApiTypeClass().getSimpleName()
                + "s "
                + where
                + ": "
                + ClusterException.describe(cause),
            cause);
      }
    }
  }
}
