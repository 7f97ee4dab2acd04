package io.jenkins.plugins.containercloud.plugin.steps;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.HistoryQuery;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.HistoryLease;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Jenkins side of deployment tests: the testbed cluster configured as {@code testbed} with a
 * kubeconfig in a Secret file, the history in a test folder, and a build host over a workspace.
 */
final class DeployFixture implements AutoCloseable {

  static final String CLUSTER = "testbed";

  private final KubeTestbed kube;
  private final TestConfigurations.Counting configuration;
  private final FakeStepHost host;

  DeployFixture(KubeTestbed kube, Path workspace, Path history) {
    this(kube, workspace, history, credentials(kube));
  }

  /** The same with other credentials for the cluster's kubeconfig (id {@code kubeconfig}). */
  DeployFixture(KubeTestbed kube, Path workspace, Path history, CredentialResolver credentials) {
    this(kube, workspace, history, credentials, credentials);
  }

  /** The same with the build's and the system's credentials apart. */
  DeployFixture(
      KubeTestbed kube,
      Path workspace,
      Path history,
      CredentialResolver buildCredentials,
      CredentialResolver systemCredentials) {
    this.kube = kube;
    ClusterSettings cluster = new ClusterSettings(CLUSTER, "kubeconfig");
    cluster.setNamespace(kube.namespace());
    this.configuration = TestConfigurations.with(List.of(cluster), List.of(), history);
    this.host = new FakeStepHost(configuration, buildCredentials, systemCredentials, workspace);
  }

  static CredentialResolver credentials(KubeTestbed kube) {
    try {
      return TestCredentials.resolver(
          TestCredentials.secretFile(
              "kubeconfig", "config", Files.readAllBytes(kube.kubeconfig())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FakeStepHost host() {
    return host;
  }

  java.util.Map<String, Object> deploy(ContainerDeployStep step) throws Exception {
    return new ContainerDeployExecution(step, new FakeStepContext(), host.factory()).run();
  }

  /** The execution of {@code step}, reporting through {@code context} when run as Jenkins does. */
  ContainerDeployExecution execution(ContainerDeployStep step, FakeStepContext context) {
    return new ContainerDeployExecution(step, context, host.factory());
  }

  java.util.Map<String, Object> rollback(ContainerRollbackStep step) throws Exception {
    return new ContainerRollbackExecution(step, new FakeStepContext(), host.factory()).run();
  }

  /** The recorded deployments, newest first. */
  List<DeploymentRecord> history() {
    try (HistoryLease history = host.history()) {
      return history.deployments().history(HistoryQuery.all());
    }
  }

  /** The image of the only container of ReplicationController or Deployment {@code name}. */
  String image(String kind, String name) {
    var client = kube.client();
    if (kind.equals("rc")) {
      ReplicationController rc =
          client.replicationControllers().inNamespace(kube.namespace()).withName(name).get();
      return rc.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
    return client
        .apps()
        .deployments()
        .inNamespace(kube.namespace())
        .withName(name)
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }

  /** How many ReplicationControllers the rolling update of {@code app} has now. */
  int controllersOf(String app) {
    return kube.client()
        .replicationControllers()
        .inNamespace(kube.namespace())
        .withLabel("app", app)
        .list()
        .getItems()
        .size();
  }

  @Override
  public void close() {
    configuration.close();
  }
}
