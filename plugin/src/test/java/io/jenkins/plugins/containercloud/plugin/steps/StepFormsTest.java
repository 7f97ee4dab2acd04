package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.security.Permission;
import hudson.util.ListBoxModels;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link StepForms}. */
class StepFormsTest {

  @Test
  void clusterList_forWhoMayNotConfigureTheJob_holdsOnlyTheCurrentValue() {
    List<Permission> asked = new ArrayList<>();
    Item job = job(false, asked);

    assertThat(ListBoxModels.values(StepForms.clusters(job, "production")))
        .containsExactly("production");
    assertThat(ListBoxModels.values(StepForms.clusters(job, null))).isEmpty();
    assertThat(asked).as("the job was asked for CONFIGURE").containsOnly(Item.CONFIGURE);
  }

  @Test
  void bothDeployingSteps_checkThePermission_beforeListingClusters() {
    Item job = job(false, new ArrayList<>());

    // Without a Jenkins, reading the configuration would throw: the lists stop at the check.
    assertThat(
            ListBoxModels.values(
                new ContainerDeployStep.DescriptorImpl().doFillClusterItems(job, "staging")))
        .containsExactly("staging");
    assertThat(
            ListBoxModels.values(
                new ContainerRollbackStep.DescriptorImpl().doFillClusterItems(job, "staging")))
        .containsExactly("staging");
  }

  @Test
  void clusterNames_listEveryCluster_andKeepAValueSinceRemoved() {
    assertThat(ListBoxModels.values(StepForms.clusterNames(List.of("prod", "staging"), "staging")))
        .containsExactly("prod", "staging");
    assertThat(ListBoxModels.values(StepForms.clusterNames(List.of("prod"), "old")))
        .containsExactly("prod", "old");
    assertThat(ListBoxModels.values(StepForms.clusterNames(List.of("prod"), "")))
        .containsExactly("prod");
  }

  /** A job whose {@code hasPermission} answers {@code allowed}, recording what it was asked. */
  private static Item job(boolean allowed, List<Permission> asked) {
    return (Item)
        Proxy.newProxyInstance(
            Item.class.getClassLoader(),
            new Class<?>[] {Item.class},
            (proxy, method, args) -> {
              if (method.getName().equals("hasPermission")) {
                asked.add((Permission) args[0]);
                return allowed;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
