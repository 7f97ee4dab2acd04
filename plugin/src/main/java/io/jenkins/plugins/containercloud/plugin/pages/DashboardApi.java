package io.jenkins.plugins.containercloud.plugin.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.containercloud.api.ApiException;
import io.jenkins.plugins.containercloud.api.ApiRequests;
import io.jenkins.plugins.containercloud.api.ClusterViews;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardJson;
import io.jenkins.plugins.containercloud.api.DashboardJson.Me;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutStart;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.api.WebhookDeliveries;
import io.jenkins.plugins.containercloud.plugin.webhooks.WebhookPaths;
import io.jenkins.plugins.containercloud.webhook.WebhookAnswer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dashboard's JSON API inside Jenkins, Jenkins-free: the same routes and the same JSON as
 * {@code serve}'s {@code /api/v1} (both come from {@link Dashboard} and {@link DashboardJson}),
 * each route checked against the permission it needs ({@link ApiRoutes}). Live updates are polls:
 * every GET answer carries an entity tag, and a poll whose data did not change is answered 304
 * without a body.
 */
public final class DashboardApi {

  private static final Logger LOG = Logger.getLogger(DashboardApi.class.getName());

  private final Supplier<Dashboard> dashboard;
  private final Supplier<Scaling> scaling;
  private final Supplier<WebhookDeliveries> webhooks;

  /**
   * @param dashboard the current dashboard; it may throw {@link ApiException} (503) while the
   *     configuration cannot make one
   */
  public DashboardApi(Supplier<Dashboard> dashboard) {
    this(
        dashboard,
        () -> {
          throw new ApiException(503, "no autoscaler runs in this Jenkins", null);
        });
  }

  /**
   * @param scaling the running node-pool autoscalers; 503 ({@link ApiException}) while none runs
   */
  public DashboardApi(Supplier<Dashboard> dashboard, Supplier<Scaling> scaling) {
    this(dashboard, scaling, DashboardApi::noWebhooks);
  }

  /**
   * @param scaling the running node-pool autoscalers; 503 ({@link ApiException}) while none runs
   * @param webhooks the Webhooks page's façade; it may throw {@link ApiException} (503) like the
   *     dashboard
   */
  public DashboardApi(
      Supplier<Dashboard> dashboard,
      Supplier<Scaling> scaling,
      Supplier<WebhookDeliveries> webhooks) {
    this.dashboard = dashboard;
    this.scaling = scaling;
    this.webhooks = webhooks;
  }

  public ApiAnswer answer(ApiCall call) {
    try {
      DashboardPermission needed = ApiRoutes.required(call.method(), call.path());
      if (!call.granted().contains(needed)) {
        throw new ApiException(
            403,
            call.user()
                + " lacks the permission Container Cloud/"
                + needed.title()
                + "; an administrator grants it in Manage Jenkins » Security",
            null);
      }
      ApiAnswer answer = route(call);
      return "GET".equals(call.method()) ? tagged(answer, call.ifNoneMatch()) : answer;
    } catch (ApiException e) {
      return refused(e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, call.method() + " api/v1/" + String.join("/", call.path()), e);
      return json(
          500, ApiRequests.error(500, "Jenkins failed to answer; its system log says why", null));
    }
  }

  private static WebhookDeliveries noWebhooks() {
    throw ApiException.notFound("webhooks are not hosted here");
  }

  /** The answer to a refused request: its status and the error document. */
  static ApiAnswer refused(ApiException e) {
    return json(e.status(), ApiRequests.error(e.status(), e.getMessage(), e.field()));
  }

  private ApiAnswer route(ApiCall call) {
    List<String> p = call.path();
    String route = ApiRoutes.route(call.method(), p);
    if (route.contains(" /scaling")) {
      return scalingRoute(route, call);
    }
    if (route.startsWith("GET /webhooks/") || route.startsWith("POST /webhooks/")) {
      return webhookRoute(route, call);
    }
    Dashboard d = dashboard.get();
    return switch (route) {
      case "GET /me" ->
          ok(
              new Me(
                  call.user(),
                  roles(call),
                  call.granted().contains(DashboardPermission.DEPLOY),
                  call.administer()));
      case "GET /clusters" -> ok(Map.of("clusters", d.clusters()));
      case "GET /clusters/{cluster}/summary" -> ok(views(d, call).summary());
      case "GET /clusters/{cluster}/namespaces" ->
          ok(Map.of("namespaces", views(d, call).namespaces()));
      case "GET /clusters/{cluster}/nodes" -> ok(Map.of("nodes", views(d, call).nodes()));
      case "GET /clusters/{cluster}/workloads" ->
          ok(Map.of("workloads", d.workloads(call.segment(1), call.query("namespace"))));
      case "GET /clusters/{cluster}/services" ->
          ok(Map.of("services", views(d, call).services(call.query("namespace"))));
      case "GET /clusters/{cluster}/pods" ->
          new ApiAnswer(
              200,
              views(d, call)
                  .podsJson(
                      call.query("namespace"),
                      call.query("workload"),
                      call.query("phase"),
                      ApiRequests.limit(
                          call.query("limit"),
                          ClusterViews.DEFAULT_POD_LIMIT,
                          ClusterViews.MAX_POD_LIMIT)),
              null);
      case "GET /clusters/{cluster}/events" ->
          ok(
              Map.of(
                  "events",
                  views(d, call)
                      .events(
                          call.query("namespace"),
                          call.query("type"),
                          ApiRequests.limit(call.query("limit"), 100, 1000))));
      case "GET /deployments" -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
            "deployments",
            d.history(
                call.query("cluster"),
                call.query("namespace"),
                call.query("kind"),
                call.query("name"),
                call.query("outcome"),
                call.query("trigger"),
                ApiRequests.limit(call.query("limit"), 50, 1000)));
        yield ok(body);
      }
      case "GET /deployments/{id}" -> ok(d.deployment(call.segment(1)));
      case "POST /deployments/{id}/rollback" ->
          json(202, d.rollouts().rollback(call.segment(1), call.user()));
      case "GET /rollouts" -> ok(Map.of("rollouts", d.rollouts().list()));
      case "GET /rollouts/{id}" ->
          ok(
              d.rollouts()
                  .get(call.segment(1))
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              "no rollout " + call.segment(1) + " on this Jenkins")));
      case "POST /rollouts" ->
          json(
              202,
              d.rollouts()
                  .start(
                      ApiRequests.body(call.contentType(), call.body(), RolloutStart.class),
                      call.user()));
      case "POST /rollouts/{id}/abort" ->
          json(202, d.rollouts().abort(call.segment(1), call.user()));
      default -> throw new IllegalStateException("route without an answer: " + route);
    };
  }

  /** The Webhooks page's routes: the same JSON as serve's, from core's façade. */
  private ApiAnswer webhookRoute(String route, ApiCall call) {
    WebhookDeliveries w = webhooks.get();
    return switch (route) {
      case "GET /webhooks/hooks" -> ok(Map.of("hooks", w.hooks("/" + WebhookPaths.URL_NAME)));
      case "GET /webhooks/deliveries" ->
          ok(
              Map.of(
                  "deliveries",
                  w.recent(
                      ApiRequests.limit(call.query("limit"), 50, WebhookDeliveries.MAX_LIMIT))));
      case "GET /webhooks/deliveries/{id}" -> ok(w.delivery(call.segment(2)));
      case "GET /webhooks/deliveries/{id}/logs" -> ok(w.logs(call.segment(2)));
      case "POST /webhooks/deliveries/{id}/redeliver" -> {
        if (!call.administer()) {
          throw new ApiException(
              403,
              call.user() + " may not redeliver; it needs Overall/Administer, as it may start jobs",
              null);
        }
        WebhookAnswer answer = w.redeliver(call.segment(2));
        LOG.info("webhook delivery " + call.segment(2) + " redelivered by " + call.user());
        yield new ApiAnswer(
            answer.status(), answer.json().getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
      }
      default -> throw new IllegalStateException("route without an answer: " + route);
    };
  }

  /** The node pools' routes: {@code serve}'s JSON, from the autoscalers of this controller. */
  private ApiAnswer scalingRoute(String route, ApiCall call) {
    Scaling s = scaling.get();
    return switch (route) {
      case "GET /scaling" -> ok(s.view());
      case "GET /scaling/decisions" ->
          ok(Map.of("decisions", s.decisions(ApiRequests.limit(call.query("limit"), 100, 1000))));
      case "POST /scaling/pools/{pool}/scale-up" -> {
        Scaling.ScaleUpRequest request =
            ApiRequests.body(call.contentType(), call.body(), Scaling.ScaleUpRequest.class);
        int ordered = s.scaleUp(call.segment(2), request.nodes(), call.user());
        yield json(202, Map.of("pool", call.segment(2), "nodes", ordered));
      }
      case "POST /scaling/pools/{pool}/scale-down" -> {
        Scaling.ScaleDownRequest request =
            ApiRequests.body(call.contentType(), call.body(), Scaling.ScaleDownRequest.class);
        s.scaleDown(call.segment(2), request.node(), call.user());
        yield json(
            202, Map.of("pool", call.segment(2), "node", request.node(), "state", "draining"));
      }
      case "POST /scaling/pools/{pool}/upgrade" ->
          json(202, s.upgrade(call.segment(2), call.user()));
      default -> throw new IllegalStateException("route without an answer: " + route);
    };
  }

  /** The app's roles; {@code admin} (redelivery) for those who may administer Jenkins. */
  private static List<String> roles(ApiCall call) {
    List<String> roles = new java.util.ArrayList<>(DashboardPermission.roles(call.granted()));
    if (call.administer()) {
      roles.add("admin");
    }
    return roles;
  }

  private static ClusterViews views(Dashboard d, ApiCall call) {
    return d.cluster(call.segment(1)).views();
  }

  private static ApiAnswer ok(Object body) {
    return json(200, body);
  }

  private static ApiAnswer json(int status, Object body) {
    try {
      return new ApiAnswer(status, DashboardJson.MAPPER.writeValueAsBytes(body), null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an answer could not be written as JSON", e);
    }
  }

  /** The answer with its entity tag, or 304 without a body when the browser holds the same. */
  static ApiAnswer tagged(ApiAnswer answer, String ifNoneMatch) {
    if (answer.status() != 200) {
      return answer;
    }
    String etag = etag(answer.body());
    if (ifNoneMatch != null && List.of(ifNoneMatch.split(",\\s*")).contains(etag)) {
      return new ApiAnswer(304, new byte[0], etag);
    }
    return new ApiAnswer(200, answer.body(), etag);
  }

  private static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
