package io.jenkins.plugins.containercloud.rollout;

import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests for {@link ReplicationControllerRollingUpdate} on the testbed's real control plane. */
class RollingUpdateTestbedTest extends RollingUpdateContract {

  @RegisterExtension static final KubeTestbed TESTBED = new KubeTestbed();

  @Override
  TargetCluster target() {
    return TESTBED;
  }
}
