package io.jenkins.plugins.containercloud.standalone.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.jenkins.plugins.containercloud.api.ApiException;
import io.jenkins.plugins.containercloud.api.ApiRequests;
import io.jenkins.plugins.containercloud.api.ClusterViews;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardJson;
import io.jenkins.plugins.containercloud.api.DashboardJson.Me;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutStart;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.api.Scaling.ScaleDownRequest;
import io.jenkins.plugins.containercloud.api.Scaling.ScaleUpRequest;
import io.jenkins.plugins.containercloud.api.WebhookDeliveries;
import io.jenkins.plugins.containercloud.webhook.WebhookAnswer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP host of {@code container-cloud serve}: the {@code ui} at {@code /}, the JSON API under
 * {@code /api/v1} (answered by {@link Dashboard}), the event stream, the login, and the probes and
 * metrics. It checks who may do what and turns requests into calls; it computes nothing itself.
 */
public final class DashboardServer implements AutoCloseable {

  /** Jenkins' enforced policy: the app must work under it here, so that it works there. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; style-src 'report-sample' 'self' 'unsafe-inline'; script-src"
          + " 'report-sample' 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'self'";

  static final String SESSION_COOKIE = "cc_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final long MAX_BODY = 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  private static final String API = "/api/v1";

  private final Dashboard dashboard;
  private final WebhookDeliveries webhooks;
  private final Authenticator auth;
  private final ServerMetrics metrics;
  private final UiFiles ui = new UiFiles();
  private final EventStream stream;
  private final String notice;
  private final Javalin app;
  private volatile Scaling scaling;

  DashboardServer(
      Dashboard dashboard,
      Authenticator auth,
      ServerMetrics metrics,
      String notice,
      WebhookDeliveries webhooks) {
    this.dashboard = dashboard;
    this.webhooks = webhooks;
    this.auth = auth;
    this.metrics = metrics;
    this.notice = notice;
    this.stream = new EventStream(dashboard.stream());
    this.app =
        Javalin.create(
            config -> {
              config.http.maxRequestSize = MAX_BODY;
              config.startup.showJavalinBanner = false;
              config.routes.before(this::securityHeaders);
              config.routes.before(API + "/*", this::authenticate);
              config.routes.after(metrics::recordRequest);
              routes(config.routes);
              config.routes.exception(
                  ApiException.class,
                  (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.field()));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    if (responseGone(ctx)) {
                      // Jetty recycled the exchange (an event stream's) before Javalin ran the
                      // remaining handlers: nothing to answer, nothing failed here.
                      LOG.debug("{} ended after its client left: {}", ctx.method(), e.toString());
                      return;
                    }
                    // Never the path: a Docker Hub hook's last segment is its secret.
                    LOG.error(
                        "{} {} failed",
                        ctx.method(),
                        ctx.endpoint() == null ? "?" : ctx.endpoint().path,
                        e);
                    error(ctx, 500, "the server failed to answer; its log says why", null);
                  });
              config.routes.error(
                  404,
                  API + "/*",
                  ctx -> {
                    if (ctx.result() == null) {
                      error(ctx, 404, "no such resource: " + ctx.path(), null);
                    }
                  });
            });
  }

  private void routes(io.javalin.config.RoutesConfig r) {
    r.get("/healthz", ctx -> ctx.contentType("text/plain").result("ok\n"));
    r.get(
        "/readyz",
        ctx -> {
          boolean ready = dashboard.ready();
          ctx.status(ready ? 200 : 503)
              .contentType("text/plain")
              .result(ready ? "ready\n" : "connecting to clusters\n");
        });
    r.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    r.get("/", this::index);
    r.get("/index.html", ctx -> ctx.redirect("/"));
    r.get("/login", ctx -> file(ctx, "login.html"));
    r.post("/login", this::login);
    r.post("/logout", this::logout);
    r.get("/{file}", ctx -> file(ctx, ctx.pathParam("file")));
    r.get("/assets/{file}", ctx -> file(ctx, "assets/" + ctx.pathParam("file")));

    r.get(
        API + "/me",
        ctx -> {
          Principal p = principal(ctx);
          json(ctx, new Me(p.name(), p.role().names(), p.may(Role.DEPLOYER), p.may(Role.ADMIN)));
        });
    r.get(API + "/clusters", ctx -> json(ctx, Map.of("clusters", dashboard.clusters())));
    r.get(API + "/clusters/{cluster}/summary", ctx -> json(ctx, views(ctx).summary()));
    r.get(
        API + "/clusters/{cluster}/namespaces",
        ctx -> json(ctx, Map.of("namespaces", views(ctx).namespaces())));
    r.get(API + "/clusters/{cluster}/nodes", ctx -> json(ctx, Map.of("nodes", views(ctx).nodes())));
    r.get(
        API + "/clusters/{cluster}/workloads",
        ctx ->
            json(
                ctx,
                Map.of(
                    "workloads",
                    dashboard.workloads(ctx.pathParam("cluster"), query(ctx, "namespace")))));
    r.get(
        API + "/clusters/{cluster}/services",
        ctx -> json(ctx, Map.of("services", views(ctx).services(query(ctx, "namespace")))));
    r.get(
        API + "/clusters/{cluster}/pods",
        ctx ->
            ctx.contentType("application/json")
                .result(
                    views(ctx)
                        .podsJson(
                            query(ctx, "namespace"),
                            query(ctx, "workload"),
                            query(ctx, "phase"),
                            limit(
                                ctx, ClusterViews.DEFAULT_POD_LIMIT, ClusterViews.MAX_POD_LIMIT))));
    r.get(
        API + "/clusters/{cluster}/events",
        ctx ->
            json(
                ctx,
                Map.of(
                    "events",
                    views(ctx)
                        .events(
                            query(ctx, "namespace"), query(ctx, "type"), limit(ctx, 100, 1000)))));
    r.get(
        API + "/deployments",
        ctx -> {
          var records =
              dashboard.history(
                  query(ctx, "cluster"),
                  query(ctx, "namespace"),
                  query(ctx, "kind"),
                  query(ctx, "name"),
                  query(ctx, "outcome"),
                  query(ctx, "trigger"),
                  limit(ctx, 50, 1000));
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("deployments", records);
          json(ctx, body);
        });
    r.get(API + "/deployments/{id}", ctx -> json(ctx, dashboard.deployment(ctx.pathParam("id"))));
    r.post(
        API + "/deployments/{id}/rollback",
        ctx -> {
          Principal p = requireDeployer(ctx);
          ctx.status(202);
          json(ctx, dashboard.rollouts().rollback(ctx.pathParam("id"), p.name()));
        });
    r.get(API + "/rollouts", ctx -> json(ctx, Map.of("rollouts", dashboard.rollouts().list())));
    r.get(
        API + "/rollouts/{id}",
        ctx ->
            json(
                ctx,
                dashboard
                    .rollouts()
                    .get(ctx.pathParam("id"))
                    .orElseThrow(
                        () ->
                            ApiException.notFound(
                                "no rollout " + ctx.pathParam("id") + " on this server"))));
    r.post(
        API + "/rollouts",
        ctx -> {
          Principal p = requireDeployer(ctx);
          RolloutStart start = body(ctx, RolloutStart.class);
          ctx.status(202);
          json(ctx, dashboard.rollouts().start(start, p.name()));
        });
    r.post(
        API + "/rollouts/{id}/abort",
        ctx -> {
          Principal p = requireDeployer(ctx);
          ctx.status(202);
          json(ctx, dashboard.rollouts().abort(ctx.pathParam("id"), p.name()));
        });
    r.get(API + "/scaling", ctx -> json(ctx, scaling().view()));
    r.get(
        API + "/scaling/decisions",
        ctx -> json(ctx, Map.of("decisions", scaling().decisions(limit(ctx, 100, 1000)))));
    r.post(
        API + "/scaling/pools/{pool}/scale-up",
        ctx -> {
          Principal p = requireDeployer(ctx);
          ScaleUpRequest request = body(ctx, ScaleUpRequest.class);
          int ordered = scaling().scaleUp(ctx.pathParam("pool"), request.nodes(), p.name());
          ctx.status(202);
          json(ctx, Map.of("pool", ctx.pathParam("pool"), "nodes", ordered));
        });
    r.post(
        API + "/scaling/pools/{pool}/scale-down",
        ctx -> {
          Principal p = requireDeployer(ctx);
          ScaleDownRequest request = body(ctx, ScaleDownRequest.class);
          scaling().scaleDown(ctx.pathParam("pool"), request.node(), p.name());
          ctx.status(202);
          json(
              ctx,
              Map.of("pool", ctx.pathParam("pool"), "node", request.node(), "state", "draining"));
        });
    r.post(
        API + "/scaling/pools/{pool}/upgrade",
        ctx -> {
          Principal p = requireDeployer(ctx);
          ctx.status(202);
          json(ctx, scaling().upgrade(ctx.pathParam("pool"), p.name()));
        });
    r.sse(API + "/stream", stream::serve);
    webhookRoutes(r);
  }

  /**
   * The hooks senders post to (no login: each delivery is verified by the engine), and the API of
   * the Webhooks page.
   */
  private void webhookRoutes(io.javalin.config.RoutesConfig r) {
    r.post("/hooks/{source}/{hook}", ctx -> hook(ctx, null));
    r.post(
        "/hooks/{source}/{hook}/{secret}",
        ctx -> {
          if (!"dockerhub".equals(ctx.pathParam("source"))) {
            ctx.status(404).contentType("application/json").result("{\"status\":\"unknown\"}");
            return;
          }
          hook(ctx, ctx.pathParam("secret"));
        });
    r.get(API + "/webhooks/hooks", ctx -> json(ctx, Map.of("hooks", webhooks.hooks())));
    r.get(
        API + "/webhooks/deliveries",
        ctx ->
            json(
                ctx,
                Map.of(
                    "deliveries", webhooks.recent(limit(ctx, 50, WebhookDeliveries.MAX_LIMIT)))));
    r.get(
        API + "/webhooks/deliveries/{id}",
        ctx -> json(ctx, webhooks.delivery(ctx.pathParam("id"))));
    r.get(
        API + "/webhooks/deliveries/{id}/logs",
        ctx -> json(ctx, webhooks.logs(ctx.pathParam("id"))));
    r.post(
        API + "/webhooks/deliveries/{id}/redeliver",
        ctx -> {
          Principal p = principal(ctx);
          if (!p.may(Role.ADMIN)) {
            throw new ApiException(
                403, p.name() + " may not redeliver; it needs the admin role", null);
          }
          WebhookAnswer answer = webhooks.redeliver(ctx.pathParam("id"));
          LOG.info("webhook delivery {} redelivered by {}", ctx.pathParam("id"), p.name());
          ctx.status(answer.status()).contentType("application/json").result(answer.json());
        });
  }

  /** One delivery: the engine reads the body itself, once, and says what to answer. */
  private void hook(Context ctx, String pathSecret) throws java.io.IOException {
    WebhookAnswer answer;
    try {
      answer =
          webhooks
              .intake()
              .receive(
                  ctx.pathParam("source"),
                  ctx.pathParam("hook"),
                  headers(ctx),
                  ctx.req().getInputStream(),
                  pathSecret);
    } catch (RuntimeException e) {
      LOG.error("a delivery to hook {} failed", ctx.pathParam("hook"), e);
      answer = null;
    }
    if (answer == null) {
      ctx.status(503).contentType("application/json").result("{\"status\":\"unavailable\"}");
      return;
    }
    ctx.status(answer.status()).contentType("application/json").result(answer.json());
  }

  private static Map<String, List<String>> headers(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    var request = ctx.req();
    for (var names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      headers.put(name, java.util.Collections.list(request.getHeaders(name)));
    }
    return headers;
  }

  /**
   * The API's routes as {@code METHOD /api/v1/path}, for the test that holds them to openapi.yaml.
   */
  java.util.Set<String> apiRoutes() {
    java.util.Set<String> routes = new java.util.TreeSet<>();
    for (var handler : app.unsafe.internalRouter.allHttpHandlers()) {
      var endpoint = handler.endpoint;
      if (endpoint.path.startsWith(API + "/")
          && (endpoint.method == HandlerType.GET || endpoint.method == HandlerType.POST)) {
        routes.add(endpoint.method.name() + " " + endpoint.path);
      }
    }
    return routes;
  }

  /** The node-pool autoscalers the scaling routes show and drive. */
  void scaling(Scaling autoscalers) {
    this.scaling = autoscalers;
  }

  private Scaling scaling() {
    Scaling s = scaling;
    if (s == null) {
      throw ApiException.notFound("the autoscaler is not running on this server");
    }
    return s;
  }

  /** Starts listening; returns the port (useful with port 0). */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private void securityHeaders(Context ctx) {
    metrics.markStart(ctx);
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }

  private void authenticate(Context ctx) {
    Optional<Principal> principal = Optional.empty();
    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      principal = auth.token(authorization.substring(7));
      if (principal.isEmpty()) {
        throw new ApiException(401, "the API token is not valid", null);
      }
    } else {
      principal = auth.session(ctx.cookie(SESSION_COOKIE));
    }
    if (principal.isEmpty()) {
      throw new ApiException(401, "log in first (POST /login), or send an API token", null);
    }
    Principal p = principal.get();
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && !p.viaToken()) {
      String sent = ctx.header(CSRF_HEADER);
      if (sent == null
          || !java.security.MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8),
              p.csrfToken().getBytes(StandardCharsets.UTF_8))) {
        throw new ApiException(
            403,
            "the request lacks the CSRF token (header " + CSRF_HEADER + "); reload the page",
            null);
      }
    }
    ctx.attribute("principal", p);
  }

  private static Principal principal(Context ctx) {
    return ctx.attribute("principal");
  }

  private static Principal requireDeployer(Context ctx) {
    Principal p = principal(ctx);
    if (!p.may(Role.DEPLOYER)) {
      throw new ApiException(
          403, p.name() + " is a viewer; deploying needs the deployer role", null);
    }
    return p;
  }

  private void index(Context ctx) {
    Optional<Principal> session = auth.session(ctx.cookie(SESSION_COOKIE));
    if (session.isEmpty()) {
      ctx.redirect("/login");
      return;
    }
    Principal p = session.get();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("apiBase", API);
    attributes.put("csrfHeader", CSRF_HEADER);
    attributes.put("csrfToken", p.csrfToken());
    attributes.put("user", p.name());
    attributes.put("roles", String.join(",", p.role().names()));
    attributes.put("permissions", String.join(",", p.role().permissions()));
    // The pages a host shows beside the dashboard: Scaling when node pools are configured;
    // Webhooks always (the page says how to configure a hook when none is).
    Scaling autoscalers = scaling;
    attributes.put(
        "features",
        autoscalers != null && autoscalers.configured() ? "scaling,webhooks" : "webhooks");
    attributes.put("notice", notice == null ? "" : notice);
    attributes.put("logoutUrl", "/logout");
    ctx.contentType("text/html; charset=utf-8").result(ui.index(attributes));
  }

  private void file(Context ctx, String name) {
    Optional<byte[]> bytes = ui.file(name);
    if (bytes.isEmpty() || name.equals("index.html")) {
      ctx.status(404).contentType("text/plain").result("not found\n");
      return;
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(UiFiles.contentType(name)).result(bytes.get());
  }

  private void login(Context ctx) {
    String user = ctx.formParam("username");
    Optional<ServerConfig.User> found = auth.login(user, ctx.formParam("password"));
    if (found.isEmpty()) {
      LOG.info(
          "failed login for user {}",
          user == null ? "(none)" : user.replaceAll("[^A-Za-z0-9._@-]", "?"));
      metrics.failedLogin();
      ctx.redirect("/login?error=1");
      return;
    }
    ctx.header(
        "Set-Cookie",
        SESSION_COOKIE
            + "="
            + auth.newSession(found.get())
            + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
            + Authenticator.SESSION_LIFETIME.toSeconds()
            + (ctx.req().isSecure() ? "; Secure" : ""));
    ctx.redirect("/");
  }

  private void logout(Context ctx) {
    Optional<Principal> session = auth.session(ctx.cookie(SESSION_COOKIE));
    // A cross-site form cannot send the session cookie (SameSite=Strict), but check the token
    // anyway.
    if (session.isPresent() && session.get().csrfToken().equals(ctx.formParam("csrf"))) {
      ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }
    ctx.redirect("/login");
  }

  private io.jenkins.plugins.containercloud.api.ClusterViews views(Context ctx) {
    return dashboard.cluster(ctx.pathParam("cluster")).views();
  }

  private static String query(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value;
  }

  private static int limit(Context ctx, int defaultValue, int max) {
    return ApiRequests.limit(ctx.queryParam("limit"), defaultValue, max);
  }

  private static <T> T body(Context ctx, Class<T> type) {
    return ApiRequests.body(ctx.contentType(), ctx.bodyAsBytes(), type);
  }

  /**
   * Whether Jetty already recycled this exchange (seen with event streams). An exception handler
   * must not touch such a response: Javalin 7 queues another exception task for every handler that
   * throws, and its own fallback throws too, so one touch loops for good (seen as gigabytes of the
   * same stack trace).
   */
  static boolean responseGone(Context ctx) {
    try {
      ctx.res().getStatus();
      return false;
    } catch (IllegalStateException | NullPointerException e) {
      return true;
    }
  }

  private static void json(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(DashboardJson.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an answer could not be written as JSON", e);
    }
  }

  private static void error(Context ctx, int status, String message, String field) {
    if (responseGone(ctx)) {
      return;
    }
    ctx.status(status);
    json(ctx, ApiRequests.error(status, message, field));
  }
}
