package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.rollout.IntOrPercent;
import io.jenkins.plugins.containercloud.rollout.RolloutParameters;
import io.jenkins.plugins.containercloud.rollout.WorkloadKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tests for {@link DeployArguments}. */
class DeployArgumentsTest {

  @Test
  void deployment_withParameters() {
    ContainerDeployStep step = deploy();
    step.setMaxSurge("25%");
    step.setMaxUnavailable("1");
    step.setMinReadySeconds(5);
    step.setTimeout("90s");
    step.setRollbackOnFailure(false);

    DeployPlan plan = DeployArguments.of(step);

    assertThat(plan.cluster()).isEqualTo("prod");
    assertThat(plan.kind()).isEqualTo(WorkloadKind.DEPLOYMENT);
    assertThat(plan.name()).isEqualTo("web");
    assertThat(plan.image()).map(Object::toString).contains("127.0.0.1:5000/app:1");
    assertThat(plan.parameters())
        .isEqualTo(
            new RolloutParameters(
                new IntOrPercent(25, true),
                IntOrPercent.of(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(90),
                false,
                false));
  }

  @Test
  void defaults_areTheEngines() {
    assertThat(DeployArguments.of(deploy()).parameters()).isEqualTo(RolloutParameters.defaults());
  }

  @Test
  void exactlyOneTarget_isRequired() {
    ContainerDeployStep none = new ContainerDeployStep("prod");
    none.setImage("app:1");
    assertThatThrownBy(() -> DeployArguments.of(none))
        .hasMessageStartingWith("replicationController, deployment, manifests: give one of them");

    ContainerDeployStep two = deploy();
    two.setReplicationController("web");
    assertThatThrownBy(() -> DeployArguments.of(two))
        .hasMessage("replicationController, deployment, manifests: give only one of them");
  }

  @Test
  void workloadNeedsAnImage_manifestsDoNot() {
    ContainerDeployStep step = new ContainerDeployStep("prod");
    step.setReplicationController("web");
    assertThatThrownBy(() -> DeployArguments.of(step)).hasMessageStartingWith("image: ");

    ContainerDeployStep manifests = new ContainerDeployStep("prod");
    manifests.setManifests("k8s/app.yaml, k8s/service.yaml");
    DeployPlan plan = DeployArguments.of(manifests);
    assertThat(plan.manifests()).containsExactly("k8s/app.yaml", "k8s/service.yaml");
    assertThat(plan.image()).isEmpty();
  }

  @Test
  void badValues_nameTheirArgument() {
    assertThatThrownBy(() -> DeployArguments.of(new ContainerDeployStep(null)))
        .hasMessageStartingWith("cluster: ");
    ContainerDeployStep surge = deploy();
    surge.setMaxSurge("lots");
    assertThatThrownBy(() -> DeployArguments.of(surge)).hasMessageStartingWith("maxSurge: ");
    ContainerDeployStep ready = deploy();
    ready.setMinReadySeconds(-1);
    assertThatThrownBy(() -> DeployArguments.of(ready)).hasMessageStartingWith("minReadySeconds: ");
    ContainerDeployStep timeout = deploy();
    timeout.setTimeout("forever");
    assertThatThrownBy(() -> DeployArguments.of(timeout)).hasMessageStartingWith("timeout: ");
    ContainerDeployStep namespace = deploy();
    namespace.setNamespace("Not_A_Namespace");
    assertThatThrownBy(() -> DeployArguments.of(namespace)).hasMessageStartingWith("namespace: ");
    ContainerDeployStep name = new ContainerDeployStep("prod");
    name.setImage("app:1");
    name.setDeployment("Web!");
    assertThatThrownBy(() -> DeployArguments.of(name)).hasMessageStartingWith("deployment: ");
    ContainerDeployStep container = deploy();
    container.setContainer("UPPER");
    assertThatThrownBy(() -> DeployArguments.of(container)).hasMessageStartingWith("container: ");
  }

  @Test
  void rollback_needsAWorkload() {
    ContainerRollbackStep step = new ContainerRollbackStep("prod");
    assertThatThrownBy(() -> DeployArguments.of(step))
        .hasMessageStartingWith("replicationController, deployment: ");
    step.setReplicationController("web");
    step.setTimeout("2m");
    DeployPlan plan = DeployArguments.of(step);
    assertThat(plan.kind()).isEqualTo(WorkloadKind.REPLICATION_CONTROLLER);
    assertThat(plan.parameters().progressTimeout()).isEqualTo(Duration.ofMinutes(2));
  }

  private static ContainerDeployStep deploy() {
    ContainerDeployStep step = new ContainerDeployStep("prod");
    step.setDeployment("web");
    step.setImage("127.0.0.1:5000/app:1");
    return step;
  }
}
