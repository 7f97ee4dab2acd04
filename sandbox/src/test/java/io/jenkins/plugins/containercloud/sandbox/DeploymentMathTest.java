package io.jenkins.plugins.containercloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

/** Tests for {@link DeploymentMath}. */
class DeploymentMathTest {

  @Test
  void percentages_roundSurgeUp_andUnavailabilityDown() {
    Deployment d = rolling(10, new IntOrString("25%"), new IntOrString("25%"));

    assertThat(DeploymentMath.maxSurge(d)).isEqualTo(3);
    assertThat(DeploymentMath.maxUnavailable(d)).isEqualTo(2);
  }

  @Test
  void integers_areTakenAsTheyAre() {
    Deployment d = rolling(5, new IntOrString(2), new IntOrString(1));

    assertThat(DeploymentMath.maxSurge(d)).isEqualTo(2);
    assertThat(DeploymentMath.maxUnavailable(d)).isEqualTo(1);
  }

  @Test
  void zeroSurgeAndZeroUnavailability_allowsOneUnavailable() {
    Deployment d = rolling(3, new IntOrString("0%"), new IntOrString(0));

    assertThat(DeploymentMath.maxSurge(d)).isZero();
    assertThat(DeploymentMath.maxUnavailable(d)).isEqualTo(1);
  }

  @Test
  void unavailability_neverExceedsTheReplicas() {
    Deployment d = rolling(2, new IntOrString(0), new IntOrString(5));

    assertThat(DeploymentMath.maxUnavailable(d)).isEqualTo(2);
  }

  @Test
  void recreate_hasNeitherSurgeNorUnavailability() {
    Deployment d = rolling(4, new IntOrString(1), new IntOrString(1));
    d.getSpec().getStrategy().setType("Recreate");

    assertThat(DeploymentMath.maxSurge(d)).isZero();
    assertThat(DeploymentMath.maxUnavailable(d)).isZero();
  }

  private static Deployment rolling(int replicas, IntOrString surge, IntOrString unavailable) {
    return new DeploymentBuilder()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(surge)
        .withMaxUnavailable(unavailable)
        .endRollingUpdate()
        .endStrategy()
        .endSpec()
        .build();
  }
}
