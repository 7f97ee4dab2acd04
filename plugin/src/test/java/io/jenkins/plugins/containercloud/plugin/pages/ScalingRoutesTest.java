package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardJson;
import io.jenkins.plugins.containercloud.api.Scaling;
import java.nio.charset.StandardCharsets;
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
  private final Scaling scaling = PageFixtures.unconnectedPool();

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
    // Not started, yet the configured pool is listed with its bounds and no nodes.
    assertThat(json(view).at("/clusters/0/status/pools/0/name").asText()).isEqualTo("workers");
    assertThat(json(view).at("/clusters/0/status/pools/0/max").asInt()).isEqualTo(3);
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
