package io.jenkins.plugins.containercloud.rollout;

import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.annotationsOf;
import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.removing;
import static io.jenkins.plugins.containercloud.rollout.ReplicationControllers.replicas;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    UpdatePlan plan = prepare();
    if (plan == null) {
      return resumeRename();
    }
    if (plan.nothingToDo()) {
      reporter.step(target + " already runs " + PodTemplates.describe(plan.imagesAfter()));
      return reporter.finish(
          RolloutOutcome.SUCCEEDED, target, plan.imagesBefore(), plan.imagesAfter(), null);
    }
    try {
      setUp(plan);
      scale(plan);
      String finalName = cleanUp(plan);
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

  // ---- preparation: everything that can be refused is refused here, before any change ----

  private UpdatePlan prepare() {
    Optional<ReplicationController> found = controllers.get(target.name());
    if (found.isEmpty()) {
      if (renamePending().isPresent()) {
        return null;
      }
      throw new InvalidRolloutException(
          "name: ReplicationController "
              + target.name()
              + " not found in namespace "
              + target.namespace());
    }
    ReplicationController old = found.get();
    PodTemplateSpec template = old.getSpec().getTemplate();
    if (template == null || template.getSpec() == null) {
      throw new InvalidRolloutException("name: " + target + " has no pod template");
    }
    Map<String, String> wanted = requestedImages;
    List<Integer> containers;
    if (wanted == null) {
      containers =
          PodTemplates.targetContainers(
              template,
              target.container(),
              ImageReference.parse(requestedImage),
              target.toString());
      wanted = new LinkedHashMap<>();
      for (int i : containers) {
        wanted.put(template.getSpec().getContainers().get(i).getName(), requestedImage);
      }
    } else {
      containers = indexesOf(template, wanted.keySet());
    }
    Map<String, String> before = PodTemplates.images(template, containers);
    PodTemplateSpec newTemplate = copy(template);
    for (int i : containers) {
      Map<String, String> finalWanted = wanted;
      newTemplate
          .getSpec()
          .getContainers()
          .get(i)
          .setImage(finalWanted.get(newTemplate.getSpec().getContainers().get(i).getName()));
    }
    String hash = TemplateHash.of(newTemplate);
    String newName = truncate(old.getMetadata().getName(), 253 - hash.length() - 1) + "-" + hash;
    checkNoOtherUpdateInProgress(old, newName);
    Optional<ReplicationController> existing = controllers.get(newName);
    String sourceId = old.getMetadata().getName() + ":" + old.getMetadata().getUid();
    if (existing.isPresent()
        && !sourceId.equals(annotationsOf(existing.get()).get(Annotations.SOURCE_ID))) {
      throw new InvalidRolloutException(
          "name: a ReplicationController named "
              + newName
              + " exists and was not created by an"
              + " update of "
              + target
              + "; delete or rename it");
    }
    int desired =
        existing
            .map(
                rc ->
                    Integer.parseInt(
                        annotationsOf(rc).getOrDefault(Annotations.DESIRED_REPLICAS, "0")))
            .orElse(replicas(old));
    int original =
        Integer.parseInt(
            annotationsOf(old)
                .getOrDefault(Annotations.ORIGINAL_REPLICAS, Integer.toString(replicas(old))));
    UpdatePlan plan =
        new UpdatePlan(
            old,
            newName,
            hash,
            existing.isPresent(),
            containers,
            before,
            wanted,
            desired,
            original);
    if (!plan.nothingToDo()) {
      checkSelectorConflicts(plan, newTemplate);
    }
    return plan;
  }

  private void checkNoOtherUpdateInProgress(ReplicationController old, String newName) {
    String next = annotationsOf(old).get(Annotations.NEXT_CONTROLLER);
    if (next == null || next.equals(newName)) {
      return;
    }
    Optional<ReplicationController> other = controllers.get(next);
    if (other.isPresent()) {
      throw new InvalidRolloutException(
          "image: an update of "
              + target
              + " to "
              + PodTemplates.describe(
                  PodTemplates.images(other.get().getSpec().getTemplate(), List.of(0)))
              + " is in progress (controller "
              + next
              + "); run it again with that image to"
              + " continue it, or roll it back first");
    }
  }

  private void checkSelectorConflicts(UpdatePlan plan, PodTemplateSpec newTemplate) {
    Map<String, String> newLabels = new HashMap<>(labels(newTemplate));
    newLabels.put(Annotations.DEPLOYMENT_LABEL, plan.newHash());
    // A fresh list, not the cache: a controller created a moment ago must be seen before we act.
    for (ReplicationController other :
        cluster
            .client()
            .replicationControllers()
            .inNamespace(target.namespace())
            .list()
            .getItems()) {
      String name = other.getMetadata().getName();
      if (name.equals(plan.oldName()) || name.equals(plan.newName())) {
        continue;
      }
      Map<String, String> selector = other.getSpec().getSelector();
      if (selector != null
          && !selector.isEmpty()
          && newLabels.entrySet().containsAll(selector.entrySet())) {
        throw new InvalidRolloutException(
            "selector: ReplicationController "
                + name
                + " (selector "
                + selector
                + ") would also select the new pods of "
                + target
                + "; give the workloads distinct labels");
      }
    }
  }

  // ---- set-up: annotate and relabel the old controller, create the new one ----

  private void setUp(UpdatePlan plan) throws InterruptedException, TimeoutException {
    ReplicationController old = plan.oldController();
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(Annotations.NEXT_CONTROLLER, plan.newName());
    annotations.put(Annotations.ORIGINAL_REPLICAS, Integer.toString(plan.original()));
    controllers.annotate(plan.oldName(), annotations);
    Map<String, String> selector = old.getSpec().getSelector();
    String deploymentValue;
    if (selector.containsKey(Annotations.DEPLOYMENT_LABEL)) {
      deploymentValue = selector.get(Annotations.DEPLOYMENT_LABEL);
    } else {
      deploymentValue = TemplateHash.of(old.getSpec().getTemplate()) + "-orig";
      relabel(plan, deploymentValue);
    }
    if (plan.newExists()) {
      reporter.step("Continuing the update with existing controller " + plan.newName());
      return;
    }
    Map<String, String> newSelector = new LinkedHashMap<>(selector);
    newSelector.put(Annotations.DEPLOYMENT_LABEL, plan.newHash());
    PodTemplateSpec template = copy(old.getSpec().getTemplate());
    template.getMetadata().getLabels().put(Annotations.DEPLOYMENT_LABEL, plan.newHash());
    for (int i : plan.containers()) {
      var container = template.getSpec().getContainers().get(i);
      container.setImage(plan.imagesAfter().get(container.getName()));
    }
    Map<String, String> newAnnotations = new LinkedHashMap<>();
    newAnnotations.put(Annotations.SOURCE_ID, plan.sourceId());
    newAnnotations.put(Annotations.DESIRED_REPLICAS, Integer.toString(plan.desired()));
    ReplicationController created =
        new ReplicationControllerBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName(plan.newName())
                    .withLabels(old.getMetadata().getLabels())
                    .withAnnotations(newAnnotations)
                    .build())
            .withNewSpec()
            .withReplicas(0)
            .withMinReadySeconds(old.getSpec().getMinReadySeconds())
            .withSelector(newSelector)
            .withTemplate(template)
            .endSpec()
            .build();
    controllers.create(created);
    reporter.step(
        "Created controller "
            + plan.newName()
            + " for "
            + PodTemplates.describe(plan.imagesAfter()));
  }

  /**
   * Gives the old controller and its pods the label {@code deployment=<hash>-orig} so that old and
   * new pods are told apart, without the old controller losing or recreating any pod.
   */
  private void relabel(UpdatePlan plan, String value) {
    String name = plan.oldName();
    reporter.step(
        "Labelling " + name + " and its pods " + Annotations.DEPLOYMENT_LABEL + "=" + value);
    Map<String, String> originalSelector = plan.oldController().getSpec().getSelector();
    controllers.patch(
        name,
        Map.of(
            "spec",
            Map.of(
                "template",
                Map.of(
                    "metadata", Map.of("labels", Map.of(Annotations.DEPLOYMENT_LABEL, value))))));
    List<Pod> pods =
        cluster
            .client()
            .pods()
            .inNamespace(target.namespace())
            .withLabels(originalSelector)
            .list()
            .getItems();
    List<Pod> unlabelled =
        pods.stream()
            .filter(pod -> !value.equals(labels(pod).get(Annotations.DEPLOYMENT_LABEL)))
            .toList();
    controllers.labelPods(unlabelled, Annotations.DEPLOYMENT_LABEL, value);
    controllers.patch(
        name, Map.of("spec", Map.of("selector", Map.of(Annotations.DEPLOYMENT_LABEL, value))));
    // A pod the controller created from the old template while we relabelled would now be
    // unmanaged; delete it as kubectl did (it cannot be Ready yet, so availability is unaffected).
    for (Pod pod :
        cluster
            .client()
            .pods()
            .inNamespace(target.namespace())
            .withLabels(originalSelector)
            .list()
            .getItems()) {
      if (!value.equals(labels(pod).get(Annotations.DEPLOYMENT_LABEL))) {
        cluster
            .client()
            .pods()
            .inNamespace(target.namespace())
            .withName(pod.getMetadata().getName())
            .delete();
      }
    }
  }

  // ---- scaling: the kubectl rolling-update arithmetic ----

  private void scale(UpdatePlan plan)
      throws RolloutFailure, InterruptedException, TimeoutException, WorkloadDeleted {
    ReplicationController oldRc = controllers.get(plan.oldName()).orElseThrow();
    ReplicationController newRc = controllers.get(plan.newName()).orElseThrow();
    int desired = plan.desired();
    int maxSurge = parameters.maxSurge().resolve(desired, true);
    int maxUnavailable = parameters.maxUnavailable().resolve(desired, false);
    if (maxSurge == 0 && maxUnavailable == 0) {
      maxUnavailable = 1;
    }
    int minAvailable = Math.max(0, desired - maxUnavailable);
    int oldReplicas = replicas(oldRc);
    int newReplicas = replicas(newRc);
    if (desired == 0) {
      minAvailable = 0;
    }
    reporter.step(
        String.format(
            "Scaling up %s from %d to %d, scaling down %s from %d to 0 (keep %d pods available,"
                + " don't exceed %d pods)",
            plan.newName(),
            newReplicas,
            desired,
            plan.oldName(),
            oldReplicas,
            minAvailable,
            desired + maxSurge));
    Map<String, String> newSelector = newRc.getSpec().getSelector();
    Map<String, String> oldSelector = oldRc.getSpec().getSelector();
    Instant lastProgress = Instant.now();
    List<Integer> last = null;
    boolean bothSeen = false;
    while (true) {
      long seen = state.changeCount();
      Instant now = Instant.now();
      // The watch caches see a deleted controller (or namespace) at once; the next request
      // would only fail with a 404 after a wait.
      boolean bothCached =
          state.replicationController(plan.oldName()).isPresent()
              && state.replicationController(plan.newName()).isPresent();
      if (bothSeen && !bothCached) {
        throw new WorkloadDeleted(target);
      }
      bothSeen |= bothCached;
      List<Pod> newPods = live(state.podsMatching(newSelector));
      int newAvailable = PodStatus.countAvailable(newPods, parameters.minReady(), now);
      if (newReplicas != desired) {
        int increment =
            oldReplicas == 0
                ? desired - newReplicas
                : (desired + maxSurge) - (oldReplicas + newReplicas);
        if (increment > 0) {
          newReplicas = Math.min(desired, newReplicas + increment);
          reporter.step("Scaling " + plan.newName() + " up to " + newReplicas);
          controllers.scale(plan.newName(), newReplicas);
        }
      }
      if (oldReplicas != 0) {
        int decrement = (oldReplicas + newReplicas) - minAvailable - (newReplicas - newAvailable);
        if (decrement > 0) {
          int next = Math.max(0, oldReplicas - decrement);
          if (newReplicas == desired && newAvailable == desired) {
            next = 0;
          }
          oldReplicas = next;
          reporter.step("Scaling " + plan.oldName() + " down to " + oldReplicas);
          controllers.scale(plan.oldName(), oldReplicas);
        }
      }
      List<Pod> oldPods = live(state.podsMatching(oldSelector));
      List<Integer> snapshot =
          List.of(
              oldReplicas,
              (int) PodStatus.countReady(oldPods),
              newReplicas,
              (int) PodStatus.countReady(newPods),
              newAvailable);
      if (!snapshot.equals(last)) {
        last = snapshot;
        lastProgress = now;
        reporter.emit(
            new RolloutEvent.ReplicasChanged(
                now,
                plan.oldName(),
                snapshot.get(0),
                snapshot.get(1),
                plan.newName(),
                snapshot.get(2),
                snapshot.get(3),
                snapshot.get(4),
                desired));
      }
      Optional<RolloutEvent.PodProblem> problem = reporter.problems(newPods, now);
      if (problem.isPresent() && problem.get().fatal()) {
        throw new RolloutFailure(problem.get().describe());
      }
      if (newReplicas == desired && oldReplicas == 0 && newAvailable >= desired) {
        return;
      }
      if (Duration.between(lastProgress, now).compareTo(parameters.progressTimeout()) > 0) {
        throw new RolloutFailure(
            "no progress for "
                + parameters.progressTimeout().toSeconds()
                + " s"
                + problem.map(p -> ": " + p.describe()).orElse(""));
      }
      checkInterrupted();
      state.awaitChangeAfter(seen, nextWake(newPods, now));
    }
  }

  /** Until the next event, or the moment a Ready pod becomes available, at most a second. */
  private Duration nextWake(List<Pod> newPods, Instant now) {
    Duration max = Duration.ofSeconds(1);
    return PodStatus.nextAvailableAt(newPods, parameters.minReady(), now)
        .map(at -> Duration.between(now, at).plusMillis(5))
        .filter(d -> d.compareTo(max) < 0)
        .orElse(max);
  }

  // ---- clean-up: delete the old controller, give the new one the old name ----

  private String cleanUp(UpdatePlan plan) throws InterruptedException, TimeoutException {
    reporter.step("Update succeeded; deleting " + plan.oldName());
    Map<String, String> annotations = removing(Annotations.SOURCE_ID, Annotations.DESIRED_REPLICAS);
    annotations.put(Annotations.PREVIOUS_IMAGES, PodTemplates.encode(plan.imagesBefore()));
    if (!parameters.keepNewName()) {
      annotations.put(Annotations.RENAME_TO, plan.oldName());
    }
    controllers.annotate(plan.newName(), annotations);
    controllers.delete(plan.oldName(), false, parameters.progressTimeout());
    if (parameters.keepNewName()) {
      return plan.newName();
    }
    rename(plan.newName(), plan.oldName());
    return plan.oldName();
  }

  private Optional<ReplicationController> renamePending() {
    return cluster
        .client()
        .replicationControllers()
        .inNamespace(target.namespace())
        .list()
        .getItems()
        .stream()
        .filter(rc -> target.name().equals(annotationsOf(rc).get(Annotations.RENAME_TO)))
        .findFirst();
  }

  private RolloutResult resumeRename() {
    ReplicationController pending = renamePending().orElseThrow();
    String from = pending.getMetadata().getName();
    reporter.step(
        "Continuing an update whose old controller is gone: renaming "
            + from
            + " to "
            + target.name());
    Map<String, String> previous =
        PodTemplates.parse(annotationsOf(pending).getOrDefault(Annotations.PREVIOUS_IMAGES, ""));
    Map<String, String> current = new LinkedHashMap<>();
    for (var c : pending.getSpec().getTemplate().getSpec().getContainers()) {
      if (previous.containsKey(c.getName())) {
        current.put(c.getName(), c.getImage());
      }
    }
    try {
      rename(from, target.name());
      return reporter.finish(RolloutOutcome.SUCCEEDED, target, previous, current, null);
    } catch (InterruptedException | TimeoutException | KubernetesClientException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return reporter.finish(
          RolloutOutcome.FAILED,
          target.withName(from),
          previous,
          current,
          "renaming "
              + from
              + " to "
              + target.name()
              + " failed ("
              + e.getMessage()
              + "); run the update again to finish it");
    }
  }

  /**
   * Renames by deleting the controller while orphaning its pods and creating it again under the new
   * name; the new controller adopts the pods, none is recreated.
   */
  private void rename(String from, String to) throws InterruptedException, TimeoutException {
    ReplicationController rc = controllers.get(from).orElseThrow();
    reporter.step("Renaming " + from + " to " + to);
    Map<String, String> annotations = new LinkedHashMap<>(annotationsOf(rc));
    annotations.remove(Annotations.RENAME_TO);
    ReplicationController renamed =
        new ReplicationControllerBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName(to)
                    .withLabels(rc.getMetadata().getLabels())
                    .withAnnotations(annotations)
                    .build())
            .withSpec(rc.getSpec())
            .build();
    controllers.delete(from, true, parameters.progressTimeout());
    ReplicationController created = controllers.create(renamed);
    controllers.awaitObserved(created, parameters.progressTimeout());
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
        undo(plan.oldName(), plan.newName(), plan.original());
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

  /** Scales the old controller back to its original size, then deletes the new one. */
  private void undo(String oldName, String newName, int original)
      throws InterruptedException, TimeoutException, RolloutFailure {
    reporter.step("Scaling " + oldName + " back to " + original);
    ReplicationController old = controllers.scale(oldName, original);
    Map<String, String> selector = old.getSpec().getSelector();
    state.await(
        () ->
            PodStatus.countAvailable(
                        live(state.podsMatching(selector)), parameters.minReady(), Instant.now())
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

  private RolloutResult runRollback() {
    Optional<ReplicationController> found = controllers.get(target.name());
    if (found.isEmpty()) {
      throw new InvalidRolloutException(
          "name: ReplicationController "
              + target.name()
              + " not found in namespace "
              + target.namespace());
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
        undo(rc.getMetadata().getName(), next, original);
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

  // ---- helpers ----

  private static void checkInterrupted() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }

  private static List<Pod> live(List<Pod> pods) {
    return pods.stream().filter(p -> !PodStatus.terminating(p)).toList();
  }

  private static List<Integer> indexesOf(PodTemplateSpec template, Set<String> names) {
    List<Integer> indexes = new ArrayList<>();
    var containers = template.getSpec().getContainers();
    for (int i = 0; i < containers.size(); i++) {
      if (names.contains(containers.get(i).getName())) {
        indexes.add(i);
      }
    }
    if (indexes.size() != names.size()) {
      throw new InvalidRolloutException(
          "container: the recorded previous images name containers "
              + names
              + " that the pod template no longer has");
    }
    return indexes;
  }

  private static PodTemplateSpec copy(PodTemplateSpec template) {
    PodTemplateSpec copy =
        Serialization.unmarshal(Serialization.asJson(template), PodTemplateSpec.class);
    if (copy.getMetadata() == null) {
      copy.setMetadata(new ObjectMetaBuilder().build());
    }
    if (copy.getMetadata().getLabels() == null) {
      copy.getMetadata().setLabels(new LinkedHashMap<>());
    } else {
      copy.getMetadata().setLabels(new LinkedHashMap<>(copy.getMetadata().getLabels()));
    }
    return copy;
  }

  private static Map<String, String> labels(PodTemplateSpec template) {
    return template.getMetadata() == null || template.getMetadata().getLabels() == null
        ? Map.of()
        : template.getMetadata().getLabels();
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }

  private static String truncate(String name, int max) {
    return name.length() <= max ? name : name.substring(0, max);
  }
}
