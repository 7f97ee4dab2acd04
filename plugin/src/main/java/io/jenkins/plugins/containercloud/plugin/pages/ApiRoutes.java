package io.jenkins.plugins.containercloud.plugin.pages;

import io.jenkins.plugins.containercloud.api.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes of the dashboard's JSON API in Jenkins ({@code serve}'s {@code /api/v1} without the
 * event stream: pages poll here) and the permission each needs: View to read, Deploy to start or
 * abort a rollout, Rollback to roll a recorded deployment back, Scale to resize or upgrade a node
 * pool, Deploy and Overall/Administer to redeliver a webhook delivery.
 */
final class ApiRoutes {

  /** Every route as {@code METHOD /path/{param}}, with the permission it needs. */
  static final Map<String, DashboardPermission> ROUTES =
      Map.ofEntries(
          Map.entry("GET /me", DashboardPermission.VIEW),
          Map.entry("GET /clusters", DashboardPermission.VIEW),
          Map.entry("GET /clusters/{cluster}/summary", DashboardPermission.VIEW),
          Map.entry("GET /clusters/{cluster}/namespaces", DashboardPermission.VIEW),
          Map.entry("GET /clusters/{cluster}/nodes", DashboardPermission.VIEW),
          Map.entry("GET /clusters/{cluster}/workloads", DashboardPermission.VIEW),
          Map.entry("GET /clusters/{cluster}/services", DashboardPermission.VIEW),
          Map.entry("GET /clusters/{cluster}/pods", DashboardPermission.VIEW),
          Map.entry("GET /clusters/{cluster}/events", DashboardPermission.VIEW),
          Map.entry("GET /deployments", DashboardPermission.VIEW),
          Map.entry("GET /deployments/{id}", DashboardPermission.VIEW),
          Map.entry("POST /deployments/{id}/rollback", DashboardPermission.ROLLBACK),
          Map.entry("GET /rollouts", DashboardPermission.VIEW),
          Map.entry("GET /rollouts/{id}", DashboardPermission.VIEW),
          Map.entry("POST /rollouts", DashboardPermission.DEPLOY),
          Map.entry("POST /rollouts/{id}/abort", DashboardPermission.DEPLOY),
          Map.entry("GET /scaling", DashboardPermission.VIEW),
          Map.entry("GET /scaling/decisions", DashboardPermission.VIEW),
          Map.entry("POST /scaling/pools/{pool}/scale-up", DashboardPermission.SCALE),
          Map.entry("POST /scaling/pools/{pool}/scale-down", DashboardPermission.SCALE),
          Map.entry("POST /scaling/pools/{pool}/upgrade", DashboardPermission.SCALE),
          Map.entry("GET /webhooks/hooks", DashboardPermission.VIEW),
          Map.entry("GET /webhooks/deliveries", DashboardPermission.VIEW),
          Map.entry("GET /webhooks/deliveries/{id}", DashboardPermission.VIEW),
          Map.entry("GET /webhooks/deliveries/{id}/logs", DashboardPermission.VIEW),
          // Redelivery also needs Overall/Administer (checked by DashboardApi): it may queue jobs,
          // which run as the system, as serve's needs its admin role.
          Map.entry("POST /webhooks/deliveries/{id}/redeliver", DashboardPermission.DEPLOY));

  /** The second segment under each of these is a parameter. */
  private static final Map<String, String> PARAMETERS =
      Map.of("clusters", "{cluster}", "deployments", "{id}", "rollouts", "{id}");

  private static final Set<String> STATE_CHANGING = Set.of("POST");

  private ApiRoutes() {}

  /**
   * The route {@code method path} matches, as written in {@link #ROUTES}.
   *
   * @throws ApiException 404 for a path that is no route, 405 for a route of another verb
   */
  static String route(String method, List<String> path) {
    String pattern = pattern(path);
    String route = method + " " + pattern;
    if (ROUTES.containsKey(route)) {
      return route;
    }
    if (pattern.equals("/stream")) {
      throw ApiException.notFound(
          "Jenkins offers no event stream; its pages poll (data-live=\"poll\")");
    }
    boolean otherVerb =
        ROUTES.keySet().stream().anyMatch(r -> r.substring(r.indexOf(' ') + 1).equals(pattern));
    if (otherVerb) {
      throw new ApiException(
          405,
          pattern
              + " answers "
              + (STATE_CHANGING.contains(method) ? "GET" : "POST (with Jenkins' crumb)")
              + ", not "
              + method,
          null);
    }
    throw ApiException.notFound("no such resource: api/v1/" + String.join("/", path));
  }

  /**
   * The permission {@code method path} needs (a path that is no route needs View to be told so).
   */
  static DashboardPermission required(String method, List<String> path) {
    return ROUTES.getOrDefault(method + " " + pattern(path), DashboardPermission.VIEW);
  }

  private static String pattern(List<String> path) {
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < path.size(); i++) {
      String parameter = i == 1 ? PARAMETERS.get(path.get(0)) : null;
      if (i == 2 && path.get(0).equals("scaling") && path.get(1).equals("pools")) {
        parameter = "{pool}";
      }
      if (i == 2 && path.get(0).equals("webhooks") && path.get(1).equals("deliveries")) {
        parameter = "{id}";
      }
      pattern.append('/').append(parameter != null ? parameter : path.get(i));
    }
    return pattern.toString();
  }
}
