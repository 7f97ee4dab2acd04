package io.jenkins.plugins.containercloud.plugin.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jenkins.model.RunAction2;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** Tests for {@link ContainerCloudAction}. */
class ContainerCloudActionTest {

  private static DeploymentEntry rolledBack() {
    return new DeploymentEntry(
        "7d1c0f0e-0000-4000-8000-000000000001",
        "deploy",
        "prod",
        "shop",
        "Deployment",
        "web",
        "registry.example.com/app:0",
        "registry.example.com/app:0",
        "registry.example.com/app:2",
        "ROLLED_BACK",
        12_345,
        "pod web-1: CrashLoopBackOff");
  }

  @Test
  void summary_keepsImagesAndDeployments_inOrder() {
    ContainerCloudAction action = new ContainerCloudAction();
    action.add(
        new ImageEntry(
            "build",
            "registry.example.com/app@sha256:abc",
            "sha256:abc",
            List.of("registry.example.com/app:1", "registry.example.com/app:latest"),
            false));
    action.add(rolledBack());

    assertThat(action.getImages())
        .singleElement()
        .extracting(ImageEntry::getDigest)
        .isEqualTo("sha256:abc");
    DeploymentEntry entry = action.getDeployments().get(0);
    assertThat(entry.isRolledBack()).isTrue();
    assertThat(entry.isTriedOtherImage()).isTrue();
    assertThat(entry.getShortImageRequested()).isEqualTo("app:2");
    assertThat(entry.getShortId()).isEqualTo("7d1c0f0e");
    assertThat(entry.getDuration()).isEqualTo("12.3 s");
  }

  @Test
  void remoteApi_exportsTheSummary_withTheAttemptedImage() {
    assertThat(ContainerCloudAction.class.isAnnotationPresent(ExportedBean.class)).isTrue();
    assertThat(exported(ContainerCloudAction.class)).containsExactly("deployments", "images");
    assertThat(exported(ImageEntry.class))
        .containsExactlyInAnyOrder("operation", "reference", "digest", "tags", "daemonless");
    assertThat(exported(DeploymentEntry.class))
        .containsExactlyInAnyOrder(
            "deploymentId",
            "operation",
            "cluster",
            "namespace",
            "kind",
            "name",
            "imageBefore",
            "imageAfter",
            "imageRequested",
            "outcome",
            "rolledBack",
            "durationMillis",
            "reason");
  }

  @Test
  void isARunAction_thatKnowsItsBuild_andIsNotListedInTheSidePanel() {
    ContainerCloudAction action = new ContainerCloudAction();
    assertThat(action).isInstanceOf(RunAction2.class);
    assertThat(action.getRun()).isNull();
    assertThat(action.getUrlName()).isEqualTo("container-cloud");
    assertThat(action.getIconFileName()).isNull();
    assertThat(action.getDisplayName()).isEqualTo("Container Cloud");
  }

  /**
   * The property names Stapler's exporter writes for {@code type}: its {@code @Exported} getters.
   */
  private static Set<String> exported(Class<?> type) {
    if (!type.isAnnotationPresent(ExportedBean.class)) {
      return Set.of();
    }
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Exported.class))
        .map(Method::getName)
        .map(n -> Introspector.decapitalize(n.substring(n.startsWith("is") ? 2 : 3)))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
