package io.jenkins.plugins.containercloud.cluster;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the HTTP requests a cluster connection sends (LIST, WATCH and every mutation), so that
 * benchmarks can report API requests per replica, and the LIST requests among them separately, so
 * that the dashboard benchmark can show that a page view sends none.
 */
final class RequestCounter implements Interceptor {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong lists = new AtomicLong();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    requests.incrementAndGet();
    if (isList(request.method(), request.uri().getRawPath(), request.uri().getRawQuery())) {
      lists.incrementAndGet();
    }
  }

  long count() {
    return requests.get();
  }

  long lists() {
    return lists.get();
  }

  /**
   * A LIST: a GET of a collection ({@code /api/v1/pods}, {@code
   * /apis/apps/v1/namespaces/x/deployments}), not of one object and not a watch.
   */
  static boolean isList(String method, String path, String query) {
    if (!"GET".equals(method) || path == null) {
      return false;
    }
    if (query != null && ("&" + query + "&").contains("&watch=true&")) {
      return false;
    }
    String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
    // /api/v1/<rest> or /apis/<group>/<version>/<rest>
    int start;
    if (segments.length > 2 && segments[0].equals("api")) {
      start = 2;
    } else if (segments.length > 3 && segments[0].equals("apis")) {
      start = 3;
    } else {
      return false; // discovery, /version, /readyz, …
    }
    int rest = segments.length - start;
    if (segments[start].equals("namespaces") && rest >= 3) {
      return rest == 3; // namespaces/<ns>/<resource>
    }
    return rest == 1; // <resource> (cluster-wide, or the namespaces themselves)
  }
}
