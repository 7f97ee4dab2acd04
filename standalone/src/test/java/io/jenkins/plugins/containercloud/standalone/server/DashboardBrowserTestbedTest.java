package io.jenkins.plugins.containercloud.standalone.server;

import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard in Chromium, on the testbed's real Kubernetes control plane. */
class DashboardBrowserTestbedTest extends DashboardBrowserContract {

  @RegisterExtension static final KubeTestbed CLUSTER = new KubeTestbed();

  @Override
  TargetCluster cluster() {
    return CLUSTER;
  }

  @Override
  String name() {
    return "testbed";
  }
}
