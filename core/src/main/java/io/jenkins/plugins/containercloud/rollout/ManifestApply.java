package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or updates the objects of multi-document YAML manifests by server-side apply (field
 * manager {@code container-cloud}), substituting the image for every container of its repository,
 * then waits for the Deployments it changed and undoes any whose rollout fails. Kinds we do not
 * know (custom resources) are applied and reported, not refused.
 */
public final class ManifestApply {

  static final String FIELD_MANAGER = "container-cloud";

  private final Cluster cluster;
  private final String namespace;
  private final RolloutParameters parameters;
  private final RolloutListener listener;

  private ManifestApply(
      Cluster cluster, String namespace, RolloutParameters parameters, RolloutListener listener) {
    this.cluster = cluster;
    this.namespace = namespace;
    this.parameters = parameters;
    this.listener = listener;
  }

  /**
   * Applies {@code manifests} (name → YAML text) in {@code namespace}.
   *
   * @param image when present, replaces the image of every container running its repository
   * @throws InvalidRolloutException before any change, for unparsable documents, objects without
   *     kind or name, objects of another namespace, or an image no container runs
   */
  public static ApplyResult apply(
      Cluster cluster,
      String namespace,
      Map<String, String> manifests,
      Optional<ImageReference> image,
      RolloutParameters parameters,
      String changeCause,
      RolloutListener listener) {
    return new ManifestApply(cluster, namespace, parameters, listener)
        .run(parse(cluster.client(), manifests, namespace), image, changeCause);
  }

  private ApplyResult run(List<HasMetadata> objects, Optional<ImageReference> image, String cause) {
    Instant started = Instant.now();
    image.ifPresent(i -> substitute(objects, i));
    List<AppliedObject> applied = new ArrayList<>();
    List<RolloutResult> rollouts = new ArrayList<>();
    for (HasMetadata object : objects) {
      String kind = object.getKind();
      String name = object.getMetadata().getName();
      if (object instanceof Deployment deployment) {
        annotate(deployment, cause);
      }
      HasMetadata before;
      HasMetadata after;
      try {
        before = cluster.client().resource(object).inNamespace(namespace).get();
        after =
            cluster
                .client()
                .resource(object)
                .inNamespace(namespace)
                .fieldManager(FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply();
      } catch (KubernetesClientException e) {
        String reason = ApiErrors.describeApply(kind, name, namespace, e);
        emit(new RolloutEvent.StepStarted(Instant.now(), reason));
        return new ApplyResult(
            applied,
            rollouts,
            RolloutOutcome.FAILED,
            Duration.between(started, Instant.now()),
            reason + (applied.isEmpty() ? "" : "; applied before it: " + applied));
      }
      String action = action(before, after);
      applied.add(new AppliedObject(kind, namespace, name, action));
      emit(new RolloutEvent.StepStarted(Instant.now(), kind + "/" + name + " " + action));
      if (after instanceof Deployment deployment && !"unchanged".equals(action)) {
        rollouts.add(awaitDeployment((Deployment) before, deployment));
      }
    }
    RolloutOutcome outcome = RolloutOutcome.SUCCEEDED;
    String reason = null;
    for (RolloutResult rollout : rollouts) {
      if (rollout.outcome().compareTo(outcome) > 0) {
        outcome = rollout.outcome();
        reason = rollout.workload() + ": " + rollout.reason();
      }
    }
    return new ApplyResult(
        applied, rollouts, outcome, Duration.between(started, Instant.now()), reason);
  }

  private RolloutResult awaitDeployment(Deployment before, Deployment after) {
    WorkloadTarget target =
        new WorkloadTarget(namespace, WorkloadKind.DEPLOYMENT, after.getMetadata().getName(), null);
    // A Deployment created by this apply has no previous revision to undo to.
    RolloutParameters effective =
        before == null ? parameters.withRollbackOnFailure(false) : parameters;
    Map<String, String> imagesBefore =
        before == null ? Map.of() : PodTemplates.allImages(before.getSpec().getTemplate());
    return new DeploymentRollout(cluster, target, effective, listener)
        .awaitAndFinish(after, imagesBefore, PodTemplates.allImages(after.getSpec().getTemplate()));
  }

  private static String action(HasMetadata before, HasMetadata after) {
    if (before == null) {
      return "created";
    }
    return before
            .getMetadata()
            .getResourceVersion()
            .equals(after.getMetadata().getResourceVersion())
        ? "unchanged"
        : "configured";
  }

  private static void annotate(Deployment deployment, String cause) {
    if (deployment.getSpec() != null && deployment.getSpec().getTemplate() != null) {
      if (deployment.getMetadata().getAnnotations() == null) {
        deployment.getMetadata().setAnnotations(new LinkedHashMap<>());
      }
      deployment.getMetadata().getAnnotations().put(Annotations.CHANGE_CAUSE, cause);
    }
  }

  private static void substitute(List<HasMetadata> objects, ImageReference image) {
    int replaced = 0;
    for (HasMetadata object : objects) {
      PodSpec spec = PodSpecs.of(object);
      if (spec == null) {
        continue;
      }
      for (List<Container> containers :
          List.of(orEmpty(spec.getContainers()), orEmpty(spec.getInitContainers()))) {
        for (Container container : containers) {
          if (PodTemplates.sameRepository(container.getImage(), image)) {
            container.setImage(image.toString());
            replaced++;
          }
        }
      }
    }
    if (replaced == 0) {
      throw new InvalidRolloutException(
          "image: no container in the manifests runs "
              + image.registry()
              + "/"
              + image.repository()
              + "; give the image the manifests use, or leave --image out");
    }
  }

  private static List<HasMetadata> parse(
      KubernetesClient client, Map<String, String> manifests, String namespace) {
    List<HasMetadata> objects = new ArrayList<>();
    for (Map.Entry<String, String> manifest : manifests.entrySet()) {
      List<HasMetadata> items;
      try {
        // load() only parses; it sends no request.
        items =
            client
                .load(
                    new ByteArrayInputStream(manifest.getValue().getBytes(StandardCharsets.UTF_8)))
                .items();
      } catch (RuntimeException e) {
        throw new InvalidRolloutException(
            "manifests: " + manifest.getKey() + " is not valid Kubernetes YAML: " + e.getMessage());
      }
      for (int i = 0; i < items.size(); i++) {
        HasMetadata item = items.get(i);
        String where = "manifests: " + manifest.getKey() + ", document " + (i + 1);
        if (item == null || item.getKind() == null || item.getApiVersion() == null) {
          throw new InvalidRolloutException(where + " has no apiVersion or kind");
        }
        if (item.getMetadata() == null || item.getMetadata().getName() == null) {
          throw new InvalidRolloutException(
              where + " (" + item.getKind() + ") has no metadata.name");
        }
        String own = item.getMetadata().getNamespace();
        if (own != null && !own.equals(namespace)) {
          throw new InvalidRolloutException(
              where
                  + " ("
                  + item.getKind()
                  + "/"
                  + item.getMetadata().getName()
                  + ") belongs to namespace "
                  + own
                  + ", not "
                  + namespace
                  + "; remove metadata.namespace or deploy to "
                  + own);
        }
        objects.add(item);
      }
    }
    if (objects.isEmpty()) {
      throw new InvalidRolloutException("manifests: no Kubernetes object in " + manifests.keySet());
    }
    return objects;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private void emit(RolloutEvent event) {
    listener.onEvent(event);
  }
}
