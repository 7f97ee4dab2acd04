package io.jenkins.plugins.containercloud.standalone.server;

import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard in Chromium, on the in-JVM sandbox cluster. */
class DashboardBrowserSandboxTest extends DashboardBrowserContract {

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  @Override
  TargetCluster cluster() {
    return CLUSTER;
  }

  @Override
  String name() {
    return "sandbox";
  }
}
