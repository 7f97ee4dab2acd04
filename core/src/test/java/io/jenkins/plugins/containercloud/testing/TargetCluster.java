package io.jenkins.plugins.containercloud.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * A cluster that engine tests run against — the testbed's real control plane or the in-JVM sandbox
 * — so that the same test class runs on both and the results must agree.
 */
public interface TargetCluster {

  /** An admin client, for the test's own set-up and assertions. */
  KubernetesClient client();

  /** A namespace of this test class, removed afterwards. */
  String namespace();

  /** A kubeconfig file that reaches the cluster, as a user would give it. */
  Path kubeconfig();

  /** Which cluster this is, for messages: {@code testbed} or {@code sandbox}. */
  String kind();
}
