package io.jenkins.plugins.containercloud.rollout;

import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests for {@link DeploymentRollout} on the testbed's real control plane. */
class DeploymentRolloutTestbedTest extends DeploymentRolloutContract {

  @RegisterExtension static final KubeTestbed TESTBED = new KubeTestbed();

  @Override
  TargetCluster target() {
    return TESTBED;
  }
}
