package io.jenkins.plugins.containercloud.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An HTTP proxy on loopback in front of a real registry: it forwards every request, records what
 * passed (method, path, status, request bytes), and injects faults — a 503 answer or a dropped
 * connection — into the requests a test chooses. Docker and Jib treat it as a loopback registry.
 *
 * <p>A small TCP front closes connections that open with a TLS handshake, as a plain-HTTP registry
 * does, so that clients which try HTTPS first (Jib) fall back to HTTP at once.
 */
public final class FaultInjectingProxy implements AutoCloseable {

  private static final Set<String> HOP_HEADERS =
      Set.of(
          "connection",
          "content-length",
          "expect",
          "host",
          "upgrade",
          "transfer-encoding",
          "keep-alive");

  /** What to do instead of forwarding. */
  public enum Fault {
    /** Answer 503 Service Unavailable. */
    SERVICE_UNAVAILABLE,
    /** Close the connection without answering. */
    DROP_CONNECTION
  }

  /** One request that reached the proxy. */
  public record Exchange(String method, String path, int status, long requestBytes) {}

  private final String backend;
  private final HttpServer server;
  private final ServerSocket front;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final Deque<PlannedFault> faults = new ArrayDeque<>();

  private FaultInjectingProxy(String backend) throws IOException {
    this.backend = backend;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
    front = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    executor.execute(this::acceptLoop);
  }

  private void acceptLoop() {
    while (!front.isClosed()) {
      try {
        Socket client = front.accept();
        executor.execute(() -> relay(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static final int TLS_HANDSHAKE = 0x16;

  /** Pipes one client connection to the HTTP server, unless it starts a TLS handshake. */
  private void relay(Socket client) {
    try (client) {
      PushbackInputStream in = new PushbackInputStream(client.getInputStream());
      int first = in.read();
      if (first < 0 || first == TLS_HANDSHAKE) {
        return;
      }
      in.unread(first);
      try (Socket inner =
          new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
        executor.execute(() -> pipe(in, inner));
        inner.getInputStream().transferTo(client.getOutputStream());
      }
    } catch (IOException ignored) {
      // The client or the server went away: the connection simply ends, as it would without a
      // proxy.
    }
  }

  private static void pipe(InputStream from, Socket to) {
    try {
      from.transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException ignored) {
      // Ends with the connection.
    }
  }

  /** Starts a proxy in front of {@code host:port}. */
  public static FaultInjectingProxy start(String backendHostPort) throws IOException {
    return new FaultInjectingProxy(backendHostPort);
  }

  /** {@code 127.0.0.1:<port>}: use it as the registry host in image references. */
  public String address() {
    return "127.0.0.1:" + front.getLocalPort();
  }

  /** Applies {@code fault} to the next {@code times} requests that {@code matches} accepts. */
  public synchronized FaultInjectingProxy inject(
      Fault fault, int times, Predicate<String> matches) {
    for (int i = 0; i < times; i++) {
      faults.add(new PlannedFault(fault, matches));
    }
    return this;
  }

  /** Every request so far, in order. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Forgets the recorded requests. */
  public void clearExchanges() {
    exchanges.clear();
  }

  /** Request body bytes forwarded so far: what clients uploaded. */
  public long uploadedBytes() {
    return exchanges.stream().mapToLong(Exchange::requestBytes).sum();
  }

  private synchronized Fault takeFault(String methodAndPath) {
    for (PlannedFault planned : faults) {
      if (planned.matches.test(methodAndPath)) {
        faults.remove(planned);
        return planned.fault;
      }
    }
    return null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String pathAndQuery = exchange.getRequestURI().toString();
    Fault fault = takeFault(method + " " + pathAndQuery);
    if (fault == Fault.DROP_CONNECTION) {
      exchanges.add(new Exchange(method, pathAndQuery, 0, 0));
      exchange.close();
      return;
    }
    if (fault == Fault.SERVICE_UNAVAILABLE) {
      exchange.getRequestBody().readAllBytes();
      exchanges.add(new Exchange(method, pathAndQuery, 503, 0));
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
      return;
    }
    forward(exchange, method, pathAndQuery);
  }

  private void forward(HttpExchange exchange, String method, String pathAndQuery)
      throws IOException {
    CountingStream body = new CountingStream(exchange.getRequestBody());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + backend + pathAndQuery))
            .timeout(Duration.ofMinutes(5))
            .method(method, publisher(exchange, body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
              }
            });
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    exchanges.add(new Exchange(method, pathAndQuery, response.statusCode(), body.count.get()));
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (lower.equals("location")) {
                values.forEach(
                    v -> exchange.getResponseHeaders().add(name, v.replace(backend, address())));
              } else if (!HOP_HEADERS.contains(lower) && !lower.equals(":status")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
              }
            });
    byte[] payload = response.body();
    boolean noBody = method.equals("HEAD") || payload.length == 0;
    if (noBody) {
      // HEAD answers carry the backend's length (Docker reads blob sizes from it), but no body.
      response
          .headers()
          .firstValue("Content-Length")
          .ifPresent(length -> exchange.getResponseHeaders().set("Content-Length", length));
      exchange.sendResponseHeaders(response.statusCode(), -1);
    } else {
      exchange.sendResponseHeaders(response.statusCode(), payload.length);
      exchange.getResponseBody().write(payload);
    }
    exchange.close();
  }

  private static HttpRequest.BodyPublisher publisher(HttpExchange exchange, InputStream body) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      long bytes = Long.parseLong(length);
      return bytes == 0
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.fromPublisher(
              HttpRequest.BodyPublishers.ofInputStream(() -> body), bytes);
    }
    String method = exchange.getRequestMethod();
    return method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofInputStream(() -> body);
  }

  @Override
  public void close() {
    try {
      front.close();
    } catch (IOException ignored) {
      // Closing a listening socket that failed is no failure of the test.
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private record PlannedFault(Fault fault, Predicate<String> matches) {}

  /** Counts the bytes a client uploaded through the proxy. */
  private static final class CountingStream extends FilterInputStream {
    private final AtomicLong count = new AtomicLong();

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }
}
