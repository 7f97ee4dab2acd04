package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.concurrent.locks.ReentrantLock;
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
      case GET -> scale ? subresources.getScale(path) : store.forward(request);
      case POST ->
          locked(
              () ->
                  path.isCore("bindings") || "binding".equals(path.subresource())
                      ? subresources.bind(path, body)
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
