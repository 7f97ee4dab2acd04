package io.jenkins.plugins.containercloud.standalone.server;

import io.javalin.http.Context;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardCluster;
import io.jenkins.plugins.containercloud.api.DashboardJson;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * {@code /metrics} in Prometheus' format: HTTP latency by route, rollouts by outcome, informer lag
 * per cluster, live stream clients and JVM memory.
 */
final class ServerMetrics {

  private static final String STARTED = "metrics.started";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter failedLogins;

  ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    failedLogins =
        Counter.builder("container_cloud_failed_logins")
            .description("Refused logins")
            .register(registry);
  }

  /**
   * Follows the autoscalers: pending pods, nodes per pool and state, provider errors by code and
   * the latest scale-up latency (first pending pod seen → provider call), read at each scrape.
   */
  void watchScaling(Scaling scaling) {
    Gauge.builder(
            "container_cloud_scaling_pending_pods",
            scaling,
            s -> s.view().clusters().stream().mapToInt(c -> c.status().pending().size()).sum())
        .description("Unschedulable pods the autoscalers see")
        .register(registry);
    for (var cluster : scaling.view().clusters()) {
      for (var pool : scaling.pools(cluster.cluster())) {
        for (String state : java.util.List.of("ready", "upcoming", "draining")) {
          Gauge.builder(
                  "container_cloud_scaling_nodes",
                  scaling,
                  s -> s.nodes(cluster.cluster(), pool, state))
              .tag("cluster", cluster.cluster())
              .tag("pool", pool)
              .tag("state", state)
              .description("Machines of a node pool by state")
              .register(registry);
        }
      }
    }
    Gauge.builder(
            "container_cloud_scaling_last_scale_up_latency_seconds",
            scaling,
            s -> s.lastScaleUpLatency().toMillis() / 1000.0)
        .description("From the first unschedulable pod seen to the provider call, last scale-up")
        .register(registry);
    registry
        .more()
        .counter(
            "container_cloud_scaling_provider_errors",
            java.util.List.of(),
            scaling,
            s -> s.providerErrors().values().stream().mapToLong(Long::longValue).sum());
  }

  /** Follows the dashboard: rollouts by outcome, informer lag, stream clients. */
  void watch(Dashboard dashboard, Iterable<DashboardCluster> clusters) {
    Gauge.builder("container_cloud_stream_clients", dashboard.stream(), s -> s.subscriberCount())
        .description("Clients of the live event stream")
        .register(registry);
    for (DashboardCluster cluster : clusters) {
      Gauge.builder(
              "container_cloud_informer_lag_seconds",
              cluster,
              c -> c.informerLag().toMillis() / 1000.0)
          .tag("cluster", cluster.name())
          .description("How long after it happened the newest Kubernetes event reached the caches")
          .register(registry);
    }
    dashboard.stream()
        .subscribe(
            dashboard.stream().lastId(),
            event -> {
              String outcome =
                  "rollout".equals(event.type()) ? finishedOutcome(event.json()) : null;
              if (outcome != null) {
                Counter.builder("container_cloud_rollouts")
                    .tag("outcome", outcome)
                    .description("Rollouts this server ran, by outcome")
                    .register(registry)
                    .increment();
              }
            });
  }

  void markStart(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  void recordRequest(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    String route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
    Timer.builder("container_cloud_http_requests")
        .tag("method", ctx.method().name())
        .tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode()))
        .publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - started));
  }

  void failedLogin() {
    failedLogins.increment();
  }

  String scrape() {
    return registry.scrape();
  }

  /** The outcome of a finished rollout's view; null while it runs. */
  private static String finishedOutcome(String json) {
    try {
      var view = DashboardJson.MAPPER.readTree(json);
      return view.hasNonNull("finishedAt") ? view.path("state").asText("UNKNOWN") : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
