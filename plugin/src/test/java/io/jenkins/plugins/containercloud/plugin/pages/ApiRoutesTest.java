package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link ApiRoutes}: which permission each request needs. */
class ApiRoutesTest {

  @Test
  void readsNeedView_startAndAbortNeedDeploy_rollbackNeedsRollback() {
    assertThat(ApiRoutes.required("GET", List.of("clusters", "prod", "pods")))
        .isEqualTo(DashboardPermission.VIEW);
    assertThat(ApiRoutes.required("GET", List.of("deployments", "d1")))
        .isEqualTo(DashboardPermission.VIEW);
    assertThat(ApiRoutes.required("POST", List.of("rollouts")))
        .isEqualTo(DashboardPermission.DEPLOY);
    assertThat(ApiRoutes.required("POST", List.of("rollouts", "r1", "abort")))
        .isEqualTo(DashboardPermission.DEPLOY);
    assertThat(ApiRoutes.required("POST", List.of("deployments", "d1", "rollback")))
        .isEqualTo(DashboardPermission.ROLLBACK);
  }

  @Test
  void scalingReadsNeedView_itsChangesNeedScale_andThePoolIsAParameter() {
    assertThat(ApiRoutes.required("GET", List.of("scaling"))).isEqualTo(DashboardPermission.VIEW);
    assertThat(ApiRoutes.route("POST", List.of("scaling", "pools", "scale-up", "scale-up")))
        .isEqualTo("POST /scaling/pools/{pool}/scale-up");
    for (String action : List.of("scale-up", "scale-down", "upgrade")) {
      assertThat(ApiRoutes.required("POST", List.of("scaling", "pools", "workers", action)))
          .isEqualTo(DashboardPermission.SCALE);
    }
  }

  @Test
  void everyStateChange_isAPost() {
    ApiRoutes.ROUTES.forEach(
        (route, permission) ->
            assertThat(route.startsWith("POST "))
                .as(route)
                .isEqualTo(permission != DashboardPermission.VIEW));
  }

  @Test
  void parametersAreMatchedByPosition_soANameLikeARouteIsStillAName() {
    assertThat(ApiRoutes.route("GET", List.of("clusters", "rollouts", "nodes")))
        .isEqualTo("GET /clusters/{cluster}/nodes");
    assertThat(ApiRoutes.route("GET", List.of("deployments", "abort")))
        .isEqualTo("GET /deployments/{id}");
  }
}
