package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.security.Permission;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/** Tests for {@link ContainerCloudPermissions}, on jenkins-api's honest permissions. */
class ContainerCloudPermissionsTest {

  @Test
  void theGroup_holdsViewDeployRollbackAndScale_inThatOrder() {
    assertThat(ContainerCloudPermissions.GROUP.getId()).isEqualTo("Container Cloud");
    assertThat(ContainerCloudPermissions.GROUP.getOwnerClassName())
        .isEqualTo(ContainerCloudPermissions.class.getName());
    assertThat(ContainerCloudPermissions.GROUP.getPermissions())
        .extracting(p -> p.name)
        .containsExactly("View", "Deploy", "Rollback", "Scale");
  }

  @Test
  void viewIsImpliedByOverallRead_theOthersByOverallAdminister() {
    assertThat(ContainerCloudPermissions.VIEW.impliedBy).isSameAs(Jenkins.READ);
    assertThat(ContainerCloudPermissions.DEPLOY.impliedBy).isSameAs(Jenkins.ADMINISTER);
    assertThat(ContainerCloudPermissions.ROLLBACK.impliedBy).isSameAs(Jenkins.ADMINISTER);
    assertThat(ContainerCloudPermissions.SCALE.impliedBy).isSameAs(Jenkins.ADMINISTER);
    // Overall/Read is implied by Overall/Administer, so Administer implies all four.
    for (Permission p : ContainerCloudPermissions.GROUP.getPermissions()) {
      assertThat(impliedBy(p, Jenkins.ADMINISTER)).as(p.name).isTrue();
    }
  }

  @Test
  void everyPermission_hasADescription_forTheSecurityMatrix() {
    ResourceBundleHolder texts = ResourceBundleHolder.get(ContainerCloudPermissions.class);
    assertThat(new Localizable(texts, "group").toString(Locale.ENGLISH))
        .isEqualTo("Container Cloud");
    for (DashboardPermission p : DashboardPermission.values()) {
      assertThat(new Localizable(texts, p.title()).toString(Locale.ENGLISH))
          .as(p.title())
          .isNotBlank()
          .doesNotContain(p.title() + "}");
    }
  }

  private static boolean impliedBy(Permission permission, Permission by) {
    for (Permission p = permission; p != null; p = p.impliedBy) {
      if (p == by) {
        return true;
      }
    }
    return false;
  }
}
