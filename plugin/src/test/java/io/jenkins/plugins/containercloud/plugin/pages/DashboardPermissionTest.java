package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.plugin.pages.DashboardPermission.Implier;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link DashboardPermission}. */
class DashboardPermissionTest {

  @Test
  void viewIsImpliedByOverallRead_unlessTheAdministratorSaysOtherwise() {
    assertThat(DashboardPermission.VIEW.impliedBy(false)).isEqualTo(Implier.OVERALL_READ);
    assertThat(DashboardPermission.VIEW.impliedBy(true)).isEqualTo(Implier.OVERALL_ADMINISTER);
  }

  @Test
  void deployRollbackAndScale_areImpliedByOverallAdminister_only() {
    for (DashboardPermission p :
        EnumSet.of(
            DashboardPermission.DEPLOY, DashboardPermission.ROLLBACK, DashboardPermission.SCALE)) {
      assertThat(p.impliedBy(false)).as(p.name()).isEqualTo(Implier.OVERALL_ADMINISTER);
      assertThat(p.impliedBy(true)).as(p.name()).isEqualTo(Implier.OVERALL_ADMINISTER);
    }
  }

  @Test
  void theAdministratorsChoice_isTheSystemProperty_true() {
    assertThat(DashboardPermission.VIEW_NEEDS_GRANT_PROPERTY)
        .isEqualTo(
            "io.jenkins.plugins.containercloud.plugin.pages.DashboardPermission.viewNeedsGrant");
    assertThat(DashboardPermission.viewNeedsGrant("true")).isTrue();
    assertThat(DashboardPermission.viewNeedsGrant(" TRUE ")).isTrue();
    assertThat(DashboardPermission.viewNeedsGrant(null)).isFalse();
    assertThat(DashboardPermission.viewNeedsGrant("false")).isFalse();
    assertThat(DashboardPermission.viewNeedsGrant("yes")).isFalse();
  }

  @Test
  void theAppIsToldItsRoles_andThePermissions() {
    Set<DashboardPermission> viewer = EnumSet.of(DashboardPermission.VIEW);
    Set<DashboardPermission> all = EnumSet.allOf(DashboardPermission.class);

    assertThat(DashboardPermission.roles(viewer)).containsExactly("viewer");
    assertThat(DashboardPermission.roles(all)).containsExactly("viewer", "deployer");
    assertThat(DashboardPermission.roles(EnumSet.of(DashboardPermission.ROLLBACK))).isEmpty();
    assertThat(DashboardPermission.names(all)).isEqualTo("view,deploy,rollback,scale");
    assertThat(DashboardPermission.names(Set.of())).isEmpty();
  }
}
