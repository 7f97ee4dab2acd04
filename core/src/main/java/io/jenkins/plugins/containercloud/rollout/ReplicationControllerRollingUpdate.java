package io.jenkins.plugins.containercloud.rollout;

import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.annotationsOf;
import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.replicas;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The ReplicationController rolling update {@code kubectl rolling-update} performed: a new
 * controller beside the old one, scaled up while the old one is scaled down within the surge and
 * availability limits, then renamed to the old name. All state lives in annotations on the
 * controllers, so running the same update again after a crash continues where it stopped; a failed
 * update is rolled back by default.
 */
public final class ReplicationControllerRollingUpdate {

  private static final String ABORTED = "the rollout was aborted";

  private final Cluster cluster;
  private final WorkloadTarget target;
  private final Map<String, String> requestedImages;
  private final String requestedImage;
  private final RolloutParameters parameters;
  private final RolloutListener listener;
  private final NamespaceState state;
  private final ReplicationControllers controllers;
  private final RolloutReporter reporter;
  private final RollingUpdatePreparation preparation;
  private final RollingUpdateSetUp setUp;
  private final RollingUpdateScaling scaling;
  private final RollingUpdateRename renames;
  private final RollingUpdateUndo undo;

  private ReplicationControllerRollingUpdate(
      Cluster cluster,
      WorkloadTarget target,
      String requestedImage,
      Map<String, String> requestedImages,
      RolloutParameters parameters,
      RolloutListener listener) {
    this.cluster = cluster;
    this.target = target;
    this.requestedImage = requestedImage;
    this.requestedImages = requestedImages;
    this.parameters = parameters;
    this.listener = listener;
    this.reporter = new RolloutReporter(listener);
    this.state = cluster.state(target.namespace());
    this.controllers = new ReplicationControllers(cluster.client(), state);
    RollingUpdateContext context =
        new RollingUpdateContext(cluster, target, parameters, state, controllers, reporter);
    this.preparation = new RollingUpdatePreparation(context);
    this.setUp = new RollingUpdateSetUp(context);
    this.scaling = new RollingUpdateScaling(context);
    this.renames = new RollingUpdateRename(context);
    this.undo = new RollingUpdateUndo(context);
  }

  /**
   * Updates the target controller's container(s) to the request's image, waiting until every
   * desired replica runs it and is available, or until the update fails (and is rolled back).
   *
   * @throws InvalidRolloutException before any change, when the request cannot be carried out
   */
  public static RolloutResult update(
      Cluster cluster, RolloutRequest request, RolloutListener listener) {
    return new ReplicationControllerRollingUpdate(
            cluster,
            request.target(),
            request.image().toString(),
            null,
            request.parameters(),
            listener)
        .run();
  }

  /**
   * Rolls back: an update in progress is undone (old controller scaled back, new one deleted); a
   * finished update is reversed by a rolling update to the images it replaced.
   */
  public static RolloutResult rollback(
      Cluster cluster,
      WorkloadTarget target,
      RolloutParameters parameters,
      RolloutListener listener) {
    ReplicationControllerRollingUpdate rollback =
        new ReplicationControllerRollingUpdate(cluster, target, null, null, parameters, listener);
    return rollback.runRollback();
  }

  private RolloutResult run() {
    if (controllers.get(target.name()).isEmpty() && renames.pending().isPresent()) {
      return renames.resume();
    }
    UpdatePlan plan = preparation.prepare(requestedImage, requestedImages);
    if (plan.nothingToDo()) {
      reporter.step(target + " already runs " + PodTemplates.describe(plan.imagesAfter()));
      return reporter.finish(
          RolloutOutcome.SUCCEEDED, target, plan.imagesBefore(), plan.imagesAfter(), null);
    }
    try {
      setUp.setUp(plan);
      scaling.scale(plan);
      String finalName = renames.cleanUp(plan);
      return reporter.finish(
          RolloutOutcome.SUCCEEDED,
          target.withName(finalName),
          plan.imagesBefore(),
          plan.imagesAfter(),
          null);
    } catch (RolloutFailure e) {
      return failed(plan, e.getMessage());
    } catch (InterruptedException e) {
      // failed() clears the flag while it rolls back and sets it again for our caller.
      Thread.currentThread().interrupt();
      return failed(plan, ABORTED);
    } catch (TimeoutException e) {
      return failed(plan, e.getMessage());
    } catch (WorkloadDeleted e) {
      // Nothing is left to roll back to.
      return reporter.finish(
          RolloutOutcome.FAILED, target, plan.imagesBefore(), plan.imagesBefore(), e.getMessage());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return reporter.finish(
            RolloutOutcome.FAILED,
            target,
            plan.imagesBefore(),
            plan.imagesBefore(),
            ApiErrors.describe("updating", target, e));
      }
      return failed(plan, Aborts.isAbort(e) ? ABORTED : ApiErrors.describe("updating", target, e));
    }
  }

  // ---- failure and rollback ----

  private RolloutResult failed(UpdatePlan plan, String reason) {
    boolean interrupted = Thread.interrupted();
    try {
      if (!parameters.rollbackOnFailure()) {
        return reporter.finish(
            RolloutOutcome.FAILED,
            target,
            plan.imagesBefore(),
            plan.imagesAfter(),
            reason
                + "; the update was left in progress (controller "
                + plan.newName()
                + "): run it again to continue, or roll it back");
      }
      reporter.emit(new RolloutEvent.RollbackStarted(Instant.now(), reason));
      try {
        undo.undo(plan.oldName(), plan.newName(), plan.original());
        return reporter.finish(
            RolloutOutcome.ROLLED_BACK, target, plan.imagesBefore(), plan.imagesBefore(), reason);
      } catch (InterruptedException
          | TimeoutException
          | KubernetesClientException
          | RolloutFailure e) {
        return reporter.finish(
            RolloutOutcome.FAILED,
            target,
            plan.imagesBefore(),
            plan.imagesAfter(),
            reason
                + "; the rollback failed too ("
                + (e instanceof KubernetesClientException k
                    ? ApiErrors.describe("rolling back", target, k)
                    : e.getMessage())
                + "): the update is left in"
                + " progress, run the rollback again");
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private RolloutResult runRollback() {
    Optional<ReplicationController> found = controllers.get(target.name());
    if (found.isEmpty()) {
      throw InvalidRolloutException.notFound(target);
    }
    ReplicationController rc = found.get();
    String next = annotationsOf(rc).get(Annotations.NEXT_CONTROLLER);
    Optional<ReplicationController> inProgress =
        next == null ? Optional.empty() : controllers.get(next);
    if (inProgress.isPresent()) {
      Map<String, String> before = PodTemplates.allImages(rc.getSpec().getTemplate());
      Map<String, String> after = PodTemplates.allImages(inProgress.get().getSpec().getTemplate());
      reporter.emit(
          new RolloutEvent.RollbackStarted(
              Instant.now(), "rolling back the update in progress to " + next));
      int original =
          Integer.parseInt(
              annotationsOf(rc)
                  .getOrDefault(Annotations.ORIGINAL_REPLICAS, Integer.toString(replicas(rc))));
      try {
        undo.undo(rc.getMetadata().getName(), next, original);
        return reporter.finish(RolloutOutcome.SUCCEEDED, target, after, before, null);
      } catch (InterruptedException
          | TimeoutException
          | KubernetesClientException
          | RolloutFailure e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return reporter.finish(
            RolloutOutcome.FAILED, target, after, after, "the rollback failed: " + e.getMessage());
      }
    }
    String previous = annotationsOf(rc).get(Annotations.PREVIOUS_IMAGES);
    if (previous == null) {
      throw new InvalidRolloutException(
          "name: "
              + target
              + " has no update in progress and no previous image recorded; deploy the"
              + " image you want instead");
    }
    Map<String, String> images = PodTemplates.parse(previous);
    reporter.step("Rolling " + target + " back to " + PodTemplates.describe(images));
    return new ReplicationControllerRollingUpdate(
            cluster, target, null, images, parameters, listener)
        .run();
  }
}
