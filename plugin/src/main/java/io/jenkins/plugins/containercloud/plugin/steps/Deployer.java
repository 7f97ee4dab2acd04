package io.jenkins.plugins.containercloud.plugin.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.containercloud.api.ApplyReport;
import io.jenkins.plugins.containercloud.api.DeploymentReport;
import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.api.JsonViews;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.history.Trigger;
import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import io.jenkins.plugins.containercloud.rollout.InvalidRolloutException;
import io.jenkins.plugins.containercloud.rollout.RolloutListener;
import io.jenkins.plugins.containercloud.rollout.RolloutRequest;
import io.jenkins.plugins.containercloud.rollout.WorkloadKind;
import io.jenkins.plugins.containercloud.rollout.WorkloadTarget;
import java.io.PrintStream;
import java.util.Map;

/**
 * Runs a {@link DeployPlan} on a connected cluster through the engine's {@link Deployments}, which
 * records it with the build as its trigger, and streams the rollout's progress to the build log.
 */
final class Deployer {

  private final Deployments deployments;
  private final Trigger trigger;
  private final String changeCause;
  private final PrintStream log;
  private final SecretMasker masker;

  Deployer(
      Deployments deployments,
      Trigger trigger,
      String changeCause,
      PrintStream log,
      SecretMasker masker) {
    this.deployments = deployments;
    this.trigger = trigger;
    this.changeCause = changeCause;
    this.log = log;
    this.masker = masker;
  }

  DeploymentSummary deploy(Cluster cluster, DeployPlan plan, Map<String, String> manifests) {
    String namespace = plan.namespace() != null ? plan.namespace() : cluster.defaultNamespace();
    plan.image()
        .filter(i -> i.digest().isEmpty())
        .ifPresent(
            i ->
                print(
                    "Warning: "
                        + i
                        + " is not pinned by digest; the registry may serve another image under"
                        + " this tag later"));
    if (plan.appliesManifests()) {
      String name = String.join(",", manifests.keySet());
      print("Applying " + name + " to namespace " + namespace + " of " + cluster.name());
      ApplyReport report =
          deployments.apply(
              cluster,
              namespace,
              name,
              manifests,
              plan.image(),
              plan.parameters(),
              trigger,
              listener());
      return DeploymentSummary.of(
              cluster.name(),
              namespace,
              name,
              plan.image().map(Object::toString).orElse(null),
              report)
          .masked(masker);
    }
    WorkloadTarget target = target(plan, namespace);
    print("Rolling " + plan.image().orElseThrow() + " out to " + target + " of " + cluster.name());
    RolloutRequest request =
        new RolloutRequest(target, plan.image().orElseThrow(), plan.parameters(), changeCause);
    DeploymentReport report;
    try {
      report = deployments.deploy(cluster, request, trigger, listener());
    } catch (InvalidRolloutException e) {
      throw inStepTerms(e, plan);
    }
    return DeploymentSummary.of("deploy", cluster.name(), report, record(report)).masked(masker);
  }

  DeploymentSummary rollback(Cluster cluster, DeployPlan plan) {
    String namespace = plan.namespace() != null ? plan.namespace() : cluster.defaultNamespace();
    WorkloadTarget target = target(plan, namespace);
    print("Rolling " + target + " of " + cluster.name() + " back to its previous image");
    DeploymentReport report;
    try {
      report = deployments.rollback(cluster, target, plan.parameters(), trigger, listener());
    } catch (InvalidRolloutException e) {
      throw inStepTerms(e, plan);
    }
    return DeploymentSummary.of("rollback", cluster.name(), report, record(report)).masked(masker);
  }

  /**
   * The history's record of the deployment as the dashboard's JSON writes it, or an empty node when
   * it cannot be read (the summary then takes the images from the engine's result).
   */
  private JsonNode record(DeploymentReport report) {
    // An aborted build interrupts this thread, and the history's file lock refuses to wait for an
    // interrupted thread: read with the flag cleared, and set it again for the step to see.
    boolean interrupted = Thread.interrupted();
    try {
      return deployments
          .find(report.deploymentId())
          .<JsonNode>map(JsonViews::record)
          .orElseGet(JsonNodeFactory.instance::objectNode);
    } catch (RuntimeException e) {
      return JsonNodeFactory.instance.objectNode();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The engine names the workload's field {@code name}; the step's argument is {@code deployment}
   * or {@code replicationController} ({@code container:} and the others are the same in both).
   */
  private static IllegalArgumentException inStepTerms(InvalidRolloutException e, DeployPlan plan) {
    String message = e.getMessage();
    if (message != null && message.startsWith("name:")) {
      String argument =
          plan.kind() == WorkloadKind.REPLICATION_CONTROLLER
              ? "replicationController"
              : "deployment";
      return new IllegalArgumentException(argument + message.substring("name".length()));
    }
    return e;
  }

  private static WorkloadTarget target(DeployPlan plan, String namespace) {
    return new WorkloadTarget(namespace, plan.kind(), plan.name(), plan.container());
  }

  private RolloutListener listener() {
    return event -> print(event.describe());
  }

  /**
   * Every line goes through the masker: names and images are the user's, and may quote a secret.
   */
  private void print(String line) {
    log.println(masker.mask(line));
  }
}
