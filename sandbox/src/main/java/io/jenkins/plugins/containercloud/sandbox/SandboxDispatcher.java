package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated API server's front door. Reads and watches go straight to fabric8's CRUD store;
 * writes are serialised and pass through the handlers that make them behave like the real API
 * server's (patch types, server-side apply, status and scale subresources, bindings, deletion
 * propagation).
 */
final class SandboxDispatcher extends Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxDispatcher.class);

  private final ObjectStore store = new ObjectStore();
  private final WriteHandler writes = new WriteHandler(store);
  private final DeleteHandler deletes = new DeleteHandler(store);
  private final SubresourceHandler subresources = new SubresourceHandler(store);
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile String serverAddress = "127.0.0.1:0";

  void serverAddress(String address) {
    this.serverAddress = address;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String rawPath = request.getPath();
    RequestPath path = RequestPath.parse(rawPath);
    try {
      if (path == null) {
        String document = Discovery.document(rawPath, serverAddress);
        return document == null
            ? new MockResponse().setResponseCode(404)
            : json(new MockResponse().setResponseCode(200).setBody(document));
      }
      return json(route(request, path));
    } catch (ApiException e) {
      return json(new MockResponse().setResponseCode(e.code()).setBody(e.toStatusJson()));
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed", request.getMethod(), rawPath, e);
      return json(
          new MockResponse()
              .setResponseCode(500)
              .setBody(new ApiException(500, "InternalError", String.valueOf(e)).toStatusJson()));
    }
  }

  private MockResponse route(RecordedRequest request, RequestPath path) {
    String body = request.getBody() == null ? "" : request.getBody().readUtf8();
    boolean scale = "scale".equals(path.subresource());
    return switch (request.method()) {
      case GET -> {
        if (scale) {
          yield subresources.getScale(path);
        }
        boolean watch = "true".equals(path.query().get("watch"));
        if (watch || path.name() != null) {
          MockResponse response = store.forward(request);
          yield watch || response.code() != 200 || !Tables.wanted(request.getHeader("Accept"))
              ? response
              : table(path, response);
        }
        MockResponse typed = list(path);
        yield Tables.wanted(request.getHeader("Accept")) ? table(path, typed) : typed;
      }
      case POST ->
          locked(
              () ->
                  path.isCore("bindings") || "binding".equals(path.subresource())
                      ? subresources.bind(path, body)
                      : "eviction".equals(path.subresource())
                          ? evict(path)
                          : writes.create(path, body));
      case PUT ->
          locked(
              () -> scale ? subresources.writeScale(path, body, false) : writes.update(path, body));
      case PATCH ->
          locked(
              () ->
                  scale
                      ? subresources.writeScale(path, body, true)
                      : writes.patch(path, request.getHeader("Content-Type"), body));
      case DELETE -> locked(() -> deletes.delete(path, body));
      default -> new MockResponse().setResponseCode(405);
    };
  }

  /**
   * The Eviction API without PodDisruptionBudgets (the sandbox has no disruption controller): the
   * pod is deleted, as the API server does when no budget stands in the way.
   */
  private MockResponse evict(RequestPath path) {
    RequestPath pod =
        new RequestPath(
            path.group(),
            path.version(),
            path.namespace(),
            path.plural(),
            path.name(),
            null,
            path.query());
    deletes.delete(pod, "");
    return new MockResponse()
        .setResponseCode(201)
        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
  }

  /**
   * A list as the real API server gives it: typed ({@code PodList}, not {@code List}), filtered by
   * the whole label and field selector grammar, in key order (namespace, then name).
   */
  private MockResponse list(RequestPath path) {
    String kind = Discovery.kindOf(path.group(), path.plural());
    Predicate<JsonNode> selected =
        Selectors.labels(path.query().get("labelSelector"))
            .and(Selectors.fields(path.query().get("fieldSelector")));
    JsonNode all = store.listBody(path.collectionPath());
    List<JsonNode> items = new ArrayList<>();
    all.path("items")
        .forEach(
            i -> {
              if (selected.test(i)) {
                items.add(i);
              }
            });
    items.sort(
        Comparator.comparing((JsonNode i) -> String.valueOf(Json.text(i, "metadata", "namespace")))
            .thenComparing(i -> String.valueOf(Json.text(i, "metadata", "name"))));
    ObjectNode typed =
        Json.object()
            .put("apiVersion", kind == null ? "v1" : path.apiVersion())
            .put("kind", kind == null ? "List" : kind + "List");
    typed
        .putObject("metadata")
        .put("resourceVersion", Json.text(all, "metadata", "resourceVersion"));
    typed.putArray("items").addAll(items);
    return new MockResponse().setResponseCode(200).setBody(Json.write(typed));
  }

  private static MockResponse table(RequestPath path, MockResponse response) {
    return new MockResponse()
        .setResponseCode(200)
        .setBody(Tables.render(path, Json.parse(ObjectStore.body(response))));
  }

  private MockResponse locked(Supplier<MockResponse> write) {
    writeLock.lock();
    try {
      return write.get();
    } finally {
      writeLock.unlock();
    }
  }

  private static MockResponse json(MockResponse response) {
    if (response.getWebSocketListener() == null && response.header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }
}
