package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardJson;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.Bootstrap;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeTemplate;
import io.jenkins.plugins.containercloud.scale.ProviderSettings;
import io.jenkins.plugins.containercloud.scale.Resources;
import io.jenkins.plugins.containercloud.scale.ScalingLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for the scaling routes of {@link DashboardApi}: core's JSON unchanged, View to read, Scale
 * for every change, and why nothing can change while the pool's autoscaler has not started.
 */
class ScalingRoutesTest {

  private static final Set<DashboardPermission> VIEWER = EnumSet.of(DashboardPermission.VIEW);
  private static final Set<DashboardPermission> DEPLOYER =
      EnumSet.of(DashboardPermission.VIEW, DashboardPermission.DEPLOY);
  private static final Set<DashboardPermission> SCALER =
      EnumSet.of(DashboardPermission.VIEW, DashboardPermission.SCALE);

  // A pool whose cluster never connects: its autoscaler shows as not running.
  private final Scaling scaling =
      new Scaling(
          List.of(
              new NodePool(
                  "workers",
                  "prod",
                  new ProviderSettings("command", Map.of("command", "true")),
                  new NodeTemplate(
                      new Resources(4000, 16L << 30, 110), Map.of(), List.of(), null, null, null),
                  0,
                  3,
                  3,
                  null,
                  0.5,
                  null,
                  new Bootstrap("#!/bin/sh\n", "", null))),
          cluster -> {
            throw new IllegalStateException("not connected");
          },
          (pool, owner) -> {
            throw new IllegalStateException("no provider in this test");
          },
          ScalingLog.inMemory(),
          Clock.systemUTC(),
          Autoscaler.Timing.DEFAULT);

  private final DashboardApi api =
      new DashboardApi(
          () -> {
            throw new AssertionError("the scaling routes need no dashboard");
          },
          () -> scaling);

  @AfterEach
  void close() {
    scaling.close();
  }

  private static ApiCall call(String method, String path, String body, Set<DashboardPermission> g) {
    return new ApiCall(
        method,
        Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList(),
        Map.of(),
        "application/json",
        body.getBytes(StandardCharsets.UTF_8),
        null,
        "alice",
        g,
        false);
  }

  private static JsonNode json(ApiAnswer answer) throws Exception {
    return DashboardJson.MAPPER.readTree(answer.body());
  }

  @Test
  void reads_answerCoresJsonUnchanged_toViewers() throws Exception {
    ApiAnswer view = api.answer(call("GET", "/scaling", "", VIEWER));

    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).isEqualTo(DashboardJson.MAPPER.writeValueAsBytes(scaling.view()));
    assertThat(json(view).at("/clusters/0/cluster").asText()).isEqualTo("prod");
    assertThat(json(view).at("/clusters/0/running").asBoolean()).isFalse();
    assertThat(view.etag()).isNotNull();
    ApiAnswer decisions = api.answer(call("GET", "/scaling/decisions", "", VIEWER));
    assertThat(json(decisions).get("decisions").isArray()).isTrue();
  }

  @Test
  void changes_needScale_notDeploy() throws Exception {
    for (String action : List.of("scale-up", "scale-down", "upgrade")) {
      ApiAnswer refused =
          api.answer(call("POST", "/scaling/pools/workers/" + action, "{}", DEPLOYER));
      assertThat(refused.status()).as(action).isEqualTo(403);
      assertThat(json(refused).at("/error/message").asText()).contains("Container Cloud/Scale");
    }
    assertThat(api.answer(call("GET", "/scaling/pools/workers/upgrade", "", SCALER)).status())
        .isEqualTo(405);
  }

  @Test
  void aScaleUpBeforeTheClusterConnects_isRefused_sayingWhy() throws Exception {
    ApiAnswer answer =
        api.answer(call("POST", "/scaling/pools/workers/scale-up", "{\"nodes\":2}", SCALER));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(json(answer).at("/error/message").asText())
        .isEqualTo(
            "the autoscaler of cluster prod has not started: its cluster is not connected yet");
    ApiAnswer unknown =
        api.answer(call("POST", "/scaling/pools/nightly/scale-up", "{\"nodes\":2}", SCALER));
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void withoutAutoscalers_theRoutesAnswer503() throws Exception {
    DashboardApi none = new DashboardApi(() -> (Dashboard) null);

    ApiAnswer answer = none.answer(call("GET", "/scaling", "", VIEWER));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(json(answer).at("/error/message").asText())
        .isEqualTo("no autoscaler runs in this Jenkins");
  }
}
