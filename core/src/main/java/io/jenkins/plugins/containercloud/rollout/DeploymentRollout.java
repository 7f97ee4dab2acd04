package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A Deployment rollout: set the image, record the change cause, wait on the controller's status and
 * its {@code Progressing} condition, and on failure undo to the previous revision as {@code kubectl
 * rollout undo} does (the previous ReplicaSet's template copied back).
 */
public final class DeploymentRollout {

  private static final String ABORTED = "the rollout was aborted";

  private final Cluster cluster;
  private final WorkloadTarget target;
  private final RolloutParameters parameters;
  private final RolloutReporter reporter;
  private final DeploymentWait wait;
  private final DeploymentUndo undo;

  DeploymentRollout(
      Cluster cluster,
      WorkloadTarget target,
      RolloutParameters parameters,
      RolloutListener listener) {
    this.cluster = cluster;
    this.target = target;
    this.parameters = parameters;
    this.reporter = new RolloutReporter(listener);
    this.wait = new DeploymentWait(cluster.state(target.namespace()), target, parameters, reporter);
    this.undo = new DeploymentUndo(cluster, target, reporter);
  }

  /**
   * Sets the image and waits for the rollout; undoes it on failure unless rollback is off.
   *
   * @throws InvalidRolloutException before any change, when the request cannot be carried out
   */
  public static RolloutResult rollout(
      Cluster cluster, RolloutRequest request, RolloutListener listener) {
    return new DeploymentRollout(cluster, request.target(), request.parameters(), listener)
        .setImage(request.image(), request.changeCause());
  }

  /** Undoes the last rollout of a Deployment: its previous revision's template is restored. */
  public static RolloutResult rollback(
      Cluster cluster,
      WorkloadTarget target,
      RolloutParameters parameters,
      RolloutListener listener) {
    DeploymentRollout rollout = new DeploymentRollout(cluster, target, parameters, listener);
    Deployment deployment = rollout.fetch();
    Map<String, String> before = PodTemplates.allImages(deployment.getSpec().getTemplate());
    try {
      Deployment undone = rollout.undo.toPreviousRevision(deployment, "rollback requested");
      Map<String, String> after = PodTemplates.allImages(undone.getSpec().getTemplate());
      rollout.wait.until(undone);
      return rollout.reporter.finish(RolloutOutcome.SUCCEEDED, rollout.target, before, after, null);
    } catch (RolloutFailure | TimeoutException | WorkloadDeleted e) {
      return rollout.reporter.finish(
          RolloutOutcome.FAILED,
          rollout.target,
          before,
          before,
          "the rollback failed: " + e.getMessage());
    } catch (KubernetesClientException e) {
      return rollout.reporter.finish(
          RolloutOutcome.FAILED,
          rollout.target,
          before,
          before,
          ApiErrors.describe("rolling back", rollout.target, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return rollout.reporter.finish(
          RolloutOutcome.FAILED, rollout.target, before, before, "the rollback was aborted");
    }
  }

  private RolloutResult setImage(ImageReference image, String changeCause) {
    Deployment deployment = fetch();
    PodTemplateSpec template = deployment.getSpec().getTemplate();
    List<Integer> containers =
        PodTemplates.targetContainers(template, target.container(), image, target.toString());
    Map<String, String> before = PodTemplates.images(template, containers);
    Map<String, String> after = new LinkedHashMap<>();
    before.keySet().forEach(name -> after.put(name, image.toString()));
    if (before.equals(after)) {
      reporter.step(target + " already runs " + image);
      return reporter.finish(RolloutOutcome.SUCCEEDED, target, before, after, null);
    }
    Deployment updated;
    try {
      updated =
          DeploymentPatches.send(
              cluster,
              target,
              DeploymentPatches.setImage(deployment, containers, image.toString(), changeCause));
    } catch (KubernetesClientException e) {
      return reporter.finish(
          RolloutOutcome.FAILED,
          target,
          before,
          before,
          ApiErrors.describe("setting the image of", target, e));
    }
    reporter.step(
        "Set " + PodTemplates.describe(after) + " on " + target + " (" + changeCause + ")");
    return awaitAndFinish(updated, before, after);
  }

  /**
   * Waits for the rollout of a Deployment just written (by a set-image patch or an apply) and
   * undoes it on failure.
   */
  RolloutResult awaitAndFinish(
      Deployment updated, Map<String, String> before, Map<String, String> after) {
    try {
      wait.until(updated);
      return reporter.finish(RolloutOutcome.SUCCEEDED, target, before, after, null);
    } catch (RolloutFailure | TimeoutException e) {
      return failed(updated, before, after, e.getMessage());
    } catch (WorkloadDeleted e) {
      // Nothing is left to undo.
      return reporter.finish(RolloutOutcome.FAILED, target, before, before, e.getMessage());
    } catch (KubernetesClientException e) {
      return failed(
          updated,
          before,
          after,
          Aborts.isAbort(e) ? ABORTED : ApiErrors.describe("waiting for", target, e));
    } catch (InterruptedException e) {
      // failed() clears the flag while it undoes and sets it again for our caller.
      Thread.currentThread().interrupt();
      return failed(updated, before, after, ABORTED);
    }
  }

  private RolloutResult failed(
      Deployment updated, Map<String, String> before, Map<String, String> after, String reason) {
    boolean interrupted = Thread.interrupted();
    try {
      if (!parameters.rollbackOnFailure()) {
        return reporter.finish(RolloutOutcome.FAILED, target, before, after, reason);
      }
      reporter.emit(new RolloutEvent.RollbackStarted(Instant.now(), reason));
      try {
        Deployment undone = undo.toPreviousRevision(fetch(), reason);
        wait.until(undone);
        return reporter.finish(RolloutOutcome.ROLLED_BACK, target, before, before, reason);
      } catch (RolloutFailure | TimeoutException | InterruptedException | WorkloadDeleted e) {
        return undoFailed(before, after, reason, e.getMessage());
      } catch (KubernetesClientException e) {
        return undoFailed(before, after, reason, ApiErrors.describe("undoing", target, e));
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private RolloutResult undoFailed(
      Map<String, String> before, Map<String, String> after, String reason, String why) {
    return reporter.finish(
        RolloutOutcome.FAILED,
        target,
        before,
        after,
        reason + "; the undo failed too (" + why + ")");
  }

  private Deployment fetch() {
    Deployment deployment =
        cluster
            .client()
            .apps()
            .deployments()
            .inNamespace(target.namespace())
            .withName(target.name())
            .get();
    if (deployment == null) {
      throw InvalidRolloutException.notFound(target);
    }
    return deployment;
  }
}
