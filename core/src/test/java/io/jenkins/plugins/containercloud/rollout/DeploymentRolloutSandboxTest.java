package io.jenkins.plugins.containercloud.rollout;

import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests for {@link DeploymentRollout} on the in-JVM sandbox: the same tests as on the testbed. */
class DeploymentRolloutSandboxTest extends DeploymentRolloutContract {

  @RegisterExtension static final SandboxCluster SANDBOX = new SandboxCluster();

  @Override
  TargetCluster target() {
    return SANDBOX;
  }
}
