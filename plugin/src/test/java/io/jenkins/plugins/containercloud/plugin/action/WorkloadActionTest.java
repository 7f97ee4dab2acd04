package io.jenkins.plugins.containercloud.plugin.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.api.DashboardJson.LastRollout;
import io.jenkins.plugins.containercloud.api.DashboardJson.WorkloadView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link WorkloadAction} and {@link WorkloadState}. */
class WorkloadActionTest {

  private static final WorkloadRef WEB = new WorkloadRef("prod", "shop", "Deployment", "web");

  private static WorkloadView view(String name, Map<String, String> images, LastRollout last) {
    return new WorkloadView(
        "Deployment",
        "shop",
        name,
        3,
        3,
        2,
        2,
        3,
        images,
        "Progressing",
        "2 of 3 ready",
        null,
        "2026-12-04T00:00:00Z",
        last);
  }

  @Test
  void keepsTheNewestWorkloads_first_withoutRepeats() {
    WorkloadAction action = new WorkloadAction();
    for (int i = 0; i < WorkloadAction.KEPT + 2; i++) {
      action.deployed(new WorkloadRef("prod", "shop", "Deployment", "app-" + i));
    }
    action.deployed(new WorkloadRef("prod", "shop", "Deployment", "app-3"));

    assertThat(action.getWorkloads())
        .extracting(WorkloadRef::name)
        .containsExactly("app-3", "app-6", "app-5", "app-4", "app-2");
  }

  @Test
  void state_isTheDashboardsViewOfTheWorkload() {
    WorkloadState state =
        WorkloadState.find(
            WEB,
            List.of(
                view("other", Map.of("web", "registry.example.com/other:1"), null),
                view(
                    "web",
                    Map.of("web", "registry.example.com/team/web:2"),
                    new LastRollout("d-1", "SUCCEEDED", "2026-12-04T10:00:00Z", "web:2"))));

    assertThat(state.getProblem()).isNull();
    assertThat(state.getImages()).isEqualTo("registry.example.com/team/web:2");
    assertThat(state.getShortImages()).isEqualTo("web:2");
    assertThat(state.getReady()).isEqualTo("2/3");
    assertThat(state.getHealth()).isEqualTo("Progressing: 2 of 3 ready");
    assertThat(state.getLastRolloutId()).isEqualTo("d-1");
    assertThat(state.getLastRollout()).isEqualTo("SUCCEEDED 2026-12-04T10:00:00Z");
  }

  @Test
  void state_saysWhenTheWorkloadIsGone() {
    WorkloadState state = WorkloadState.find(WEB, List.of());

    assertThat(state.getProblem()).isEqualTo("Deployment web is not in the cluster any more");
    assertThat(state.getReady()).isNull();
  }

  @Test
  void statesAreReadThroughTheReaderTheHostSets() {
    WorkloadAction action = new WorkloadAction();
    action.deployed(WEB);
    WorkloadAction.readStatesWith(w -> WorkloadState.unavailable(w, "cluster prod is down"));

    assertThat(action.getStates())
        .singleElement()
        .extracting(WorkloadState::getProblem)
        .isEqualTo("cluster prod is down");
    assertThat(action.getUrlName()).isEqualTo("container-cloud-workloads");
  }
}
