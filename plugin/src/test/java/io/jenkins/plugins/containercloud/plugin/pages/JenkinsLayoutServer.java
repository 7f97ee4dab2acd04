package io.jenkins.plugins.containercloud.plugin.pages;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Jenkins on loopback, as far as the Container Cloud pages meet it: each page is
 * Jenkins' layout (the head's {@code data-rooturl}, {@code data-resurl} and crumb, the side panel,
 * the app bar) around the mount element the plugin's Jelly renders, sent with Jenkins' enforced
 * Content-Security-Policy; the plugin's files come from the .hpi's webapp under {@code
 * /static/HASH/plugin/container-cloud/}; {@code container-cloud/api/v1} is answered by the plugin's
 * {@link DashboardApi}, and a POST without the crumb is refused as Jenkins' CrumbFilter refuses it.
 */
final class JenkinsLayoutServer implements AutoCloseable {

  /**
   * Jenkins 2.568's policy when enforced (core's BaseContributor and CompatibleContributor); only
   * the reporting directives are left out.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; style-src 'report-sample' 'self' 'unsafe-inline'; script-src"
          + " 'report-sample' 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'self'";

  static final String CRUMB_HEADER = "Jenkins-Crumb";

  private final HttpServer server;
  private final DashboardApi api;
  private final Map<String, Object> jenkins;
  private final String crumb;
  private final AtomicInteger notModified = new AtomicInteger();
  private final AtomicInteger refusedPosts = new AtomicInteger();

  /**
   * @param jenkins the values the views' expressions take (see {@link PageViewsIT#JENKINS})
   */
  JenkinsLayoutServer(DashboardApi api, Map<String, Object> jenkins) throws IOException {
    this.api = api;
    this.jenkins = jenkins;
    this.crumb = String.valueOf(jenkins.get("h.getCrumb(request2)"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL of {@code path} under Jenkins' root URL ({@code /jenkins}). */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jenkins" + path;
  }

  /** How many polls were answered 304 (nothing changed, no body). */
  int notModified() {
    return notModified.get();
  }

  /** How many POSTs were refused for lacking the crumb. */
  int refusedPosts() {
    return refusedPosts.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      route(exchange);
    } catch (RuntimeException | IOException e) {
      // The JDK's server drops the exchange silently; say why in the test's output.
      e.printStackTrace();
      throw e;
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String files = PageViewsIT.RES_URL + "/plugin/container-cloud/";
    String pages = "/jenkins/" + ContainerCloudRootAction.URL_NAME;
    if (path.equals(PageViewsIT.RES_URL + "/jsbundles/styles.css")) {
      try (var in = JenkinsLayoutServer.class.getResourceAsStream("jenkins-layout.css")) {
        send(exchange, 200, "text/css", in.readAllBytes());
      }
    } else if (path.equals("/favicon.ico")) {
      send(exchange, 200, "image/svg+xml", PageViewsIT.webappFile("ui/favicon.svg"));
    } else if (path.startsWith(files)) {
      file(exchange, path.substring(files.length()));
    } else if (path.startsWith(pages + "/api/")) {
      api(exchange, path.substring((pages + "/api").length()));
    } else if (path.startsWith(pages + "/")) {
      String view = path.substring(pages.length() + 1);
      page(exchange, view.isEmpty() ? "index" : view);
    } else {
      send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
    }
  }

  private void file(HttpExchange exchange, String name) throws IOException {
    byte[] bytes = PageViewsIT.webappFile(name);
    if (bytes == null) {
      send(exchange, 404, "text/plain", "not in the .hpi".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String type =
        name.endsWith(".js")
            ? "text/javascript"
            : name.endsWith(".css")
                ? "text/css"
                : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream";
    send(exchange, 200, type, bytes);
  }

  private void api(HttpExchange exchange, String rest) throws IOException {
    String method = exchange.getRequestMethod();
    if ("POST".equals(method)
        && !crumb.equals(exchange.getRequestHeaders().getFirst(CRUMB_HEADER))) {
      refusedPosts.incrementAndGet();
      send(
          exchange,
          403,
          "text/plain",
          "No valid crumb was included in the request".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (!rest.startsWith(StaplerApiCalls.VERSION)) {
      send(exchange, 404, "text/plain", new byte[0]);
      return;
    }
    List<String> segments =
        Arrays.stream(rest.substring(StaplerApiCalls.VERSION.length()).split("/"))
            .filter(s -> !s.isEmpty())
            .map(s -> java.net.URLDecoder.decode(s, StandardCharsets.UTF_8))
            .toList();
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(
            java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    ApiAnswer answer =
        api.answer(
            new ApiCall(
                method,
                segments,
                query,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestBody().readAllBytes(),
                exchange.getRequestHeaders().getFirst("If-None-Match"),
                "alice",
                Set.of(DashboardPermission.values()),
                false));
    if (answer.status() == 304) {
      notModified.incrementAndGet();
    }
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    if (answer.etag() != null) {
      exchange.getResponseHeaders().set("ETag", answer.etag());
    }
    send(exchange, answer.status(), ApiAnswer.CONTENT_TYPE, answer.body());
  }

  private void page(HttpExchange exchange, String view) throws IOException {
    Map<String, String> mount;
    try {
      mount = PageViewsIT.mount(view, jenkins);
    } catch (AssertionError | Exception e) {
      send(exchange, 404, "text/plain", ("no view " + view).getBytes(StandardCharsets.UTF_8));
      return;
    }
    String title = mount.remove("title");
    StringBuilder attributes = new StringBuilder();
    mount.forEach(
        (k, v) -> attributes.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
    String res = PageViewsIT.RES_URL + "/plugin/container-cloud/";
    String base = "/jenkins/" + ContainerCloudRootAction.URL_NAME;
    String html =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head data-rooturl="/jenkins" data-resurl="%s" data-imagesurl="%s/images" data-crumb-header="%s" data-crumb-value="%s">
          <meta charset="utf-8">
          <title>%s - Container Cloud [Jenkins]</title>
          <link rel="stylesheet" type="text/css" href="%s/jsbundles/styles.css">
          <link rel="stylesheet" type="text/css" href="%sui/app.css">
          <script type="module" src="%sui/app.js"></script>
        </head>
        <body class="two-column jenkins-2.568.2">
          <header id="page-header" class="page-header"><a href="/jenkins/">Jenkins</a></header>
          <div id="page-body" class="app-page-body app-page-body--two-column clear">
            <div id="side-panel" class="app-page-body__sidebar">
              <div class="jenkins-app-bar"><h1>Container Cloud</h1></div>
              <div id="tasks">
                <div class="task"><a class="task-link" href="%s/">Overview</a></div>
                <div class="task"><a class="task-link" href="%s/cluster">Cluster</a></div>
                <div class="task"><a class="task-link" href="%s/rollouts">Rollouts</a></div>
                <div class="task"><a class="task-link" href="%s/history">History</a></div>%s
              </div>
            </div>
            <div id="main-panel">
              <div id="container-cloud-app"%s></div>
            </div>
          </div>
        </body>
        </html>
        """
            .formatted(
                PageViewsIT.RES_URL,
                PageViewsIT.RES_URL,
                CRUMB_HEADER,
                escape(crumb),
                escape(title),
                PageViewsIT.RES_URL,
                res,
                res,
                base,
                base,
                base,
                base,
                featureTasks(base, mount.getOrDefault("data-features", "")),
                attributes);
    exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache,no-store,must-revalidate");
    send(exchange, 200, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  /** The side panel's tasks for the pages of installed features, as page.jelly adds them. */
  private static String featureTasks(String base, String features) {
    List<String> installed = List.of(features.split(","));
    StringBuilder tasks = new StringBuilder();
    for (String feature : List.of("scaling", "webhooks")) {
      if (installed.contains(feature)) {
        String label = Character.toUpperCase(feature.charAt(0)) + feature.substring(1);
        tasks.append(
            "\n    <div class=\"task\"><a class=\"task-link\" href=\"%s/%s\">%s</a></div>"
                .formatted(base, feature, label));
      }
    }
    return tasks.toString();
  }

  private static String escape(String value) {
    return value
        .replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean empty = status == 304 || body.length == 0;
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
