package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardJson;
import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.api.WebhookDeliveries;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the Webhooks page's routes of {@link DashboardApi}: serve's JSON from core's façade,
 * View to read, Overall/Administer to redeliver.
 */
class DashboardApiWebhooksTest {

  private static final Set<DashboardPermission> VIEWER = EnumSet.of(DashboardPermission.VIEW);
  private static final Set<DashboardPermission> ALL = EnumSet.allOf(DashboardPermission.class);

  @TempDir static Path dir;

  private static Deployments deployments;
  private static Dashboard dashboard;
  private static WebhookIntake intake;
  private static DashboardApi api;
  private static String deliveryId;

  @BeforeAll
  static void open() {
    deployments = Deployments.open(HistoryDatabase.h2File(dir.resolve("history")));
    intake = PageFixtures.registryHook(deployments.webhooks());
    WebhookDeliveries webhooks = new WebhookDeliveries(deployments.webhooks(), intake);
    dashboard = new Dashboard(List.of(), deployments, Clock.systemUTC());
    api =
        new DashboardApi(
            () -> dashboard,
            () -> {
              throw new io.jenkins.plugins.containercloud.api.ApiException(503, "no pools", null);
            },
            () -> webhooks);
    deliveryId = PageFixtures.pushTeamWeb(intake);
  }

  @AfterAll
  static void close() {
    intake.close();
    dashboard.close();
    deployments.close();
  }

  @Test
  void viewers_readTheHooksAndDeliveries_asServeShowsThem() throws Exception {
    JsonNode hooks = json(api.answer(call("GET", "/webhooks/hooks", VIEWER, false)));
    assertThat(hooks.at("/hooks/0/path").asText())
        .isEqualTo("/container-cloud-webhook/registry/main");
    assertThat(hooks.at("/hooks/0/rules/0/workload").asText()).isEqualTo("jobs team/web/main");

    JsonNode list = json(api.answer(call("GET", "/webhooks/deliveries", VIEWER, false)));
    JsonNode listed = null;
    for (JsonNode d : list.path("deliveries")) {
      if (d.path("id").asText().equals(deliveryId)) {
        listed = d;
      }
    }
    assertThat(listed).as("the delivery in the list").isNotNull();
    assertThat(listed.at("/triggers/0/kind").asText()).isEqualTo("Job");
    assertThat(listed.at("/triggers/0/name").asText()).isEqualTo("team/web/main");
    JsonNode one =
        json(api.answer(call("GET", "/webhooks/deliveries/" + deliveryId, VIEWER, false)));
    assertThat(one.path("id").asText()).isEqualTo(deliveryId);
    assertThat(
            api.answer(call("GET", "/webhooks/deliveries/" + deliveryId + "/logs", VIEWER, false))
                .status())
        .isEqualTo(200);
    assertThat(api.answer(call("GET", "/webhooks/deliveries", Set.of(), false)).status())
        .isEqualTo(403);
    assertThat(api.answer(call("GET", "/webhooks/deliveries/nope", VIEWER, false)).status())
        .isEqualTo(404);
  }

  @Test
  void redelivery_needsAdminister_evenWithDeploy() throws Exception {
    String path = "/webhooks/deliveries/" + deliveryId + "/redeliver";
    ApiAnswer deployer = api.answer(call("POST", path, ALL, false));
    assertThat(deployer.status()).isEqualTo(403);
    assertThat(json(deployer).at("/error/message").asText()).contains("Overall/Administer");
    assertThat(api.answer(call("POST", path, VIEWER, true)).status()).isEqualTo(403);

    ApiAnswer admin = api.answer(call("POST", path, ALL, true));
    assertThat(admin.status()).isEqualTo(202);
    assertThat(json(admin).path("status").asText()).isEqualTo("accepted");
    assertThat(api.answer(call("GET", path, ALL, true)).status()).isEqualTo(405);
  }

  @Test
  void administrators_haveTheAppsAdminRole() throws Exception {
    JsonNode me = json(api.answer(call("GET", "/me", ALL, true)));
    assertThat(me.path("roles").toString()).contains("\"admin\"");
    JsonNode viewer = json(api.answer(call("GET", "/me", VIEWER, false)));
    assertThat(viewer.path("roles").toString()).doesNotContain("admin");
    assertThat(new PageViewer("root", ALL, List.of("webhooks"), true).getRoles())
        .isEqualTo("viewer,deployer,admin");
  }

  private static ApiCall call(
      String method, String path, Set<DashboardPermission> granted, boolean administer) {
    List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    return new ApiCall(
        method,
        segments,
        Map.of(),
        "application/json",
        new byte[0],
        null,
        "alice",
        granted,
        administer);
  }

  private static JsonNode json(ApiAnswer answer) throws Exception {
    return DashboardJson.MAPPER.readTree(answer.body());
  }
}
