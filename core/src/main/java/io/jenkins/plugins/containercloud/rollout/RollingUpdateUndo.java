package io.jenkins.plugins.containercloud.rollout;

import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.removing;

import io.fabric8.kubernetes.api.model.ReplicationController;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Undoes a rolling update in progress: the old controller scaled back, the new one deleted. */
final class RollingUpdateUndo {

  private final RolloutParameters parameters;
  private final NamespaceState state;
  private final ReplicationControllers controllers;
  private final RolloutReporter reporter;

  RollingUpdateUndo(RollingUpdateContext context) {
    this.parameters = context.parameters();
    this.state = context.state();
    this.controllers = context.controllers();
    this.reporter = context.reporter();
  }

  /** Scales the old controller back to its original size, then deletes the new one. */
  void undo(String oldName, String newName, int original)
      throws InterruptedException, TimeoutException, RolloutFailure {
    reporter.step("Scaling " + oldName + " back to " + original);
    ReplicationController old = controllers.scale(oldName, original);
    Map<String, String> selector = old.getSpec().getSelector();
    state.await(
        () ->
            PodStatus.countAvailable(
                        PodStatus.live(state.podsMatching(selector)),
                        parameters.minReady(),
                        Instant.now())
                    >= original
                ? Optional.of(true)
                : Optional.empty(),
        parameters.progressTimeout(),
        original + " available pods of " + oldName);
    if (controllers.get(newName).isPresent()) {
      reporter.step("Deleting " + newName);
      controllers.delete(newName, false, parameters.progressTimeout());
    }
    controllers.annotate(
        oldName, removing(Annotations.NEXT_CONTROLLER, Annotations.ORIGINAL_REPLICAS));
  }
}
