package io.jenkins.plugins.containercloud.rollout;

import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The set-up every engine contract shares: a {@link Cluster} connected through the target's
 * kubeconfig, as a user's would be, and the workloads fixture. Subclasses name the target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineContract {

  Cluster cluster;
  Workloads workloads;

  abstract TargetCluster target();

  @BeforeAll
  void connect() {
    cluster =
        Cluster.connect(
            ClusterConfig.kubeconfig(
                target().kind(), target().kubeconfig(), null, target().namespace()));
    workloads = new Workloads(target());
  }

  @AfterAll
  void disconnect() {
    if (cluster != null) {
      cluster.close();
    }
  }
}
