package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.plugin.Texts;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.rollout.IntOrPercent;
import io.jenkins.plugins.containercloud.rollout.InvalidRolloutException;
import io.jenkins.plugins.containercloud.rollout.RolloutParameters;
import io.jenkins.plugins.containercloud.rollout.WorkloadKind;
import io.jenkins.plugins.containercloud.rollout.WorkloadTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code containerDeploy}'s and {@code containerRollback}'s arguments and turns them into a
 * {@link DeployPlan}. Every error names the argument and the fix.
 */
final class DeployArguments {

  private DeployArguments() {}

  static DeployPlan of(ContainerDeployStep step) {
    String cluster = cluster(step.getCluster());
    List<String> manifests = Arguments.list(step.getManifests());
    Workload workload = workload(step.getReplicationController(), step.getDeployment(), manifests);
    Optional<ImageReference> image =
        Optional.ofNullable(step.getImage()).map(i -> BuildArguments.tagOrDigest("image", i));
    if (workload != null && image.isEmpty()) {
      throw new IllegalArgumentException(
          "image: give the image to roll out, best pinned by digest (containerBuild returns it)");
    }
    RolloutParameters parameters =
        parameters(
            step.getMaxSurge(),
            step.getMaxUnavailable(),
            step.getMinReadySeconds(),
            step.getTimeout(),
            step.isRollbackOnFailure());
    String namespace = namespace(step.getNamespace());
    checkNames(namespace, workload, step.getContainer());
    return new DeployPlan(
        cluster,
        namespace,
        workload == null ? null : workload.kind(),
        workload == null ? null : workload.name(),
        manifests,
        step.getContainer(),
        image,
        parameters);
  }

  static DeployPlan of(ContainerRollbackStep step) {
    String cluster = cluster(step.getCluster());
    if (step.getReplicationController() == null && step.getDeployment() == null) {
      throw new IllegalArgumentException(
          "replicationController, deployment: give the workload to roll back (one of them)");
    }
    Workload workload = workload(step.getReplicationController(), step.getDeployment(), List.of());
    RolloutParameters parameters = parameters(null, null, 0, step.getTimeout(), true);
    String namespace = namespace(step.getNamespace());
    checkNames(namespace, workload, step.getContainer());
    return new DeployPlan(
        cluster,
        namespace,
        workload.kind(),
        workload.name(),
        List.of(),
        step.getContainer(),
        Optional.empty(),
        parameters);
  }

  /** The rollout parameters; unset values keep the engine's defaults. */
  static RolloutParameters parameters(
      String maxSurge,
      String maxUnavailable,
      int minReadySeconds,
      String timeout,
      boolean rollbackOnFailure) {
    RolloutParameters parameters = RolloutParameters.defaults();
    if (maxSurge != null) {
      parameters = parameters.withMaxSurge(IntOrPercent.parse("maxSurge", maxSurge));
    }
    if (maxUnavailable != null) {
      parameters =
          parameters.withMaxUnavailable(IntOrPercent.parse("maxUnavailable", maxUnavailable));
    }
    if (minReadySeconds < 0) {
      throw new IllegalArgumentException(
          "minReadySeconds: must not be negative; 0 counts a pod as available once Ready");
    }
    parameters = parameters.withMinReady(Duration.ofSeconds(minReadySeconds));
    Duration progressTimeout = Arguments.duration("timeout", timeout);
    if (progressTimeout != null) {
      parameters = parameters.withProgressTimeout(progressTimeout);
    }
    return parameters.withRollbackOnFailure(rollbackOnFailure);
  }

  static String cluster(String value) {
    String cluster = Texts.trimToNull(value);
    if (cluster == null) {
      throw new IllegalArgumentException(
          "cluster: give the name of a cluster configured in Manage Jenkins » System » Container"
              + " Cloud");
    }
    return cluster;
  }

  private static String namespace(String value) {
    return Texts.trimToNull(value);
  }

  private static Workload workload(
      String replicationController, String deployment, List<String> manifests) {
    int given =
        (replicationController == null ? 0 : 1)
            + (deployment == null ? 0 : 1)
            + (manifests.isEmpty() ? 0 : 1);
    if (given > 1) {
      throw new IllegalArgumentException(
          "replicationController, deployment, manifests: give only one of them");
    }
    if (replicationController != null) {
      return new Workload(
          WorkloadKind.REPLICATION_CONTROLLER, replicationController, "replicationController");
    }
    if (deployment != null) {
      return new Workload(WorkloadKind.DEPLOYMENT, deployment, "deployment");
    }
    if (manifests.isEmpty()) {
      throw new IllegalArgumentException(
          "replicationController, deployment, manifests: give one of them (the workload to"
              + " update, or the manifest files to apply)");
    }
    return null;
  }

  /** Checks the Kubernetes names now, so that errors name this step's arguments. */
  private static void checkNames(String namespace, Workload workload, String container) {
    try {
      new WorkloadTarget(
          namespace == null ? "default" : namespace,
          workload == null ? WorkloadKind.DEPLOYMENT : workload.kind(),
          workload == null ? "manifests" : workload.name(),
          container);
    } catch (InvalidRolloutException e) {
      String message = e.getMessage();
      if (message.startsWith("name:") && workload != null) {
        message = workload.argument() + message.substring("name".length());
      }
      throw new IllegalArgumentException(message);
    }
  }

  private record Workload(WorkloadKind kind, String name, String argument) {}
}
