package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the HTTP requests a cluster connection sends (LIST, WATCH and every mutation), so that
 * benchmarks can report API requests per replica.
 */
final class RequestCounter implements Interceptor {

  private final AtomicLong requests = new AtomicLong();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    requests.incrementAndGet();
  }

  long count() {
    return requests.get();
  }
}
