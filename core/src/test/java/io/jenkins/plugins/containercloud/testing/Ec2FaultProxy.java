package io.jenkins.plugins.containercloud.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on loopback in front of moto's EC2 server that adds what moto lacks: EC2's {@code
 * ClientToken} idempotency (a RunInstances with a token seen before gets the first answer again,
 * without reaching moto), and faults a test queues per action — an EC2 error code (throttling,
 * capacity) or a silence longer than the client's timeout.
 */
public final class Ec2FaultProxy implements AutoCloseable {

  /** A queued fault: answer {@code code} with {@code status}, or (code null) stay silent. */
  private record Fault(String code, int status, long silenceMillis) {}

  private final String backend;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final Map<String, byte[]> answersByToken = new ConcurrentHashMap<>();
  private final List<String> actions = new CopyOnWriteArrayList<>();

  private Ec2FaultProxy(String backend) throws IOException {
    this.backend = backend;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** A proxy in front of {@code backend} ({@code http://host:port}). */
  public static Ec2FaultProxy start(String backend) throws IOException {
    return new Ec2FaultProxy(backend);
  }

  /** {@code http://127.0.0.1:port}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next {@code times} calls of {@code action} get EC2 error {@code code}. */
  public synchronized Ec2FaultProxy fail(String action, String code, int status, int times) {
    for (int i = 0; i < times; i++) {
      faults.computeIfAbsent(action, a -> new ArrayDeque<>()).add(new Fault(code, status, 0));
    }
    return this;
  }

  /** The next call of {@code action} is forwarded, but answered only after {@code millis}. */
  public synchronized Ec2FaultProxy delay(String action, long millis) {
    faults.computeIfAbsent(action, a -> new ArrayDeque<>()).add(new Fault(null, 0, millis));
    return this;
  }

  /** Every action that reached the proxy, in order ({@code RunInstances}, ...). */
  public List<String> actions() {
    return List.copyOf(actions);
  }

  /** How many RunInstances calls reached moto (token replays do not). */
  public long runInstancesForwarded() {
    return actions.stream().filter("RunInstances>moto"::equals).count();
  }

  private synchronized Fault nextFault(String action) {
    Deque<Fault> queue = faults.get(action);
    return queue == null ? null : queue.poll();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
      String action = form.getOrDefault("Action", "?");
      actions.add(action);
      Fault fault = nextFault(action);
      if (fault != null && fault.code() != null) {
        answer(exchange, fault.status(), error(fault.code()));
        return;
      }
      String token = "RunInstances".equals(action) ? form.get("ClientToken") : null;
      if (token != null && answersByToken.containsKey(token)) {
        answer(exchange, 200, answersByToken.get(token));
        return;
      }
      if ("RunInstances".equals(action)) {
        actions.add("RunInstances>moto");
      }
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(URI.create(backend + exchange.getRequestURI()))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (lower.equals("authorization")
                    || lower.startsWith("x-amz")
                    || lower.equals("content-type")) {
                  values.forEach(v -> forward.header(name, v));
                }
              });
      HttpResponse<byte[]> response =
          client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (token != null && response.statusCode() == 200) {
        answersByToken.put(token, response.body());
      }
      if (fault != null) {
        Thread.sleep(fault.silenceMillis());
      }
      answer(exchange, response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client gave up (a timeout the test asked for): nothing to answer.
    }
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/xml");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static byte[] error(String code) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>"
            + code
            + "</Code><Message>injected by the test's proxy</Message></Error></Errors>"
            + "<RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
