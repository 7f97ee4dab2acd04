package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Pipeline's work end to end, through the step executions: {@code containerBuild} builds the
 * sample application from a workspace checkout and pushes it to the testbed registry, then {@code
 * containerDeploy} rolls the pinned image out to a Deployment on the testbed's Kubernetes.
 */
class EndToEndTest {

  @RegisterExtension static final KubeTestbed KUBE = new KubeTestbed();

  @TempDir Path workspace;
  @TempDir Path history;

  @Test
  void buildThenDeploy_rollsTheBuiltImageOut_andSummarisesBoth() throws Exception {
    TestWorkspace.withHelloApp(workspace);
    new Workloads(KUBE).deployment("hello", 2, "v1", 600);
    ImageReference image = Testbed.uniqueImage(Testbed.registry(), "hello-app");
    try (DeployFixture fixture = new DeployFixture(KUBE, workspace, history)) {
      FakeStepHost host = fixture.host();
      host.environment().put("DOCKER_HOST", Testbed.dockerHost());
      ContainerBuildStep build = new ContainerBuildStep(image.toString());
      build.setContext(TestWorkspace.HELLO_APP);

      Map<String, Object> built =
          new ContainerBuildExecution(build, new FakeStepContext(), host.factory()).run();
      ContainerDeployStep deploy = new ContainerDeployStep(DeployFixture.CLUSTER);
      deploy.setDeployment("hello");
      deploy.setImage((String) built.get("reference"));
      Map<String, Object> deployed = fixture.deploy(deploy);

      assertThat(deployed)
          .containsEntry("outcome", "SUCCEEDED")
          .containsEntry("imageAfter", built.get("reference"));
      assertThat(fixture.image("deployment", "hello")).isEqualTo(built.get("reference"));
      assertThat(host.action().getImages()).hasSize(1);
      assertThat(host.action().getDeployments()).hasSize(1);
      assertThat(host.action().getImages().get(0).getDigest()).isEqualTo(built.get("digest"));
      assertThat(host.action().getDeployments().get(0).getDeploymentId())
          .isEqualTo(deployed.get("deploymentId"));
      assertThat(host.action().getDeployments().get(0).getImageRequested())
          .isEqualTo(built.get("reference"));
    }
  }
}
