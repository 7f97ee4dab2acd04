package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ReplicationControllers and ReplicaSets share: claim the pods the selector matches (adopt
 * orphans, release pods whose labels no longer match), keep the number of active pods at {@code
 * spec.replicas}, and report the counts in the status.
 *
 * @param <T> the owner kind
 */
abstract class ReplicaManager<T extends HasMetadata> extends Controller {

  private final EventRecorder events;

  ReplicaManager(String name, KubernetesClient client) {
    super(name, client);
    this.events = new EventRecorder(client, name);
  }

  abstract SharedIndexInformer<T> informer(Informers informers);

  abstract T fetch(String namespace, String name);

  abstract boolean selects(T owner, Map<String, String> labels);

  abstract PodTemplateSpec template(T owner);

  abstract int replicas(T owner);

  abstract int minReadySeconds(T owner);

  abstract ReplicaCounts counts(T owner);

  abstract void writeStatus(T owner, ReplicaCounts counts);

  @Override
  void register(Informers informers) {
    SharedIndexInformer<T> owners = informer(informers);
    owners.addEventHandler(EventHandlers.each(owner -> queue.add(key(owner))));
    informers.pods.addEventHandler(
        EventHandlers.each(
            pod -> {
              Optional<OwnerReference> controller = OwnerRefs.controllerOf(pod);
              if (controller.isPresent()) {
                if (isOwnerKind(controller.get())) {
                  queue.add(key(pod.getMetadata().getNamespace(), controller.get().getName()));
                }
                return;
              }
              for (T owner : owners.getStore().list()) {
                boolean sameNamespace =
                    owner.getMetadata().getNamespace().equals(pod.getMetadata().getNamespace());
                if (sameNamespace && selects(owner, pod.getMetadata().getLabels())) {
                  queue.add(key(owner));
                }
              }
            }));
  }

  private boolean isOwnerKind(OwnerReference ref) {
    return ref.getKind().equals(kind());
  }

  abstract String kind();

  /** The API omits zero counts (omitempty), so clients meet them as absent. */
  static Integer omitZero(int count) {
    return count == 0 ? null : count;
  }

  @Override
  void sync(String key) {
    T owner = fetch(namespaceOf(key), nameOf(key));
    if (owner == null) {
      return;
    }
    List<Pod> pods =
        client.pods().inNamespace(owner.getMetadata().getNamespace()).list().getItems();
    List<Pod> active = claim(owner, pods).stream().filter(Pods::isActive).toList();
    if (owner.getMetadata().getDeletionTimestamp() == null) {
      manage(owner, active);
    }
    Instant now = Instant.now();
    ReplicaCounts counts = count(owner, active, now);
    if (!counts.equals(counts(owner))) {
      writeStatus(owner, counts);
    }
    active.stream()
        .map(p -> Pods.untilAvailable(p, minReadySeconds(owner), now))
        .flatMap(Optional::stream)
        .min(Duration::compareTo)
        .ifPresent(wait -> queue.addAfter(key, wait.plusMillis(100)));
  }

  /** The pods this owner controls after adopting and releasing. */
  private List<Pod> claim(T owner, List<Pod> pods) {
    boolean deleting = owner.getMetadata().getDeletionTimestamp() != null;
    List<Pod> owned = new ArrayList<>();
    for (Pod pod : pods) {
      boolean matches = selects(owner, pod.getMetadata().getLabels());
      Optional<OwnerReference> controller = OwnerRefs.controllerOf(pod);
      if (controller.isPresent()) {
        if (!controller.get().getUid().equals(owner.getMetadata().getUid())) {
          continue;
        }
        if (matches || deleting) {
          owned.add(pod);
        } else if (pod.getMetadata().getDeletionTimestamp() == null) {
          setOwnerReferences(pod, withoutOwner(pod, owner));
        }
      } else if (matches && !deleting && Pods.isActive(pod)) {
        List<OwnerReference> refs = new ArrayList<>(withoutOwner(pod, owner));
        refs.add(OwnerRefs.controllerRef(owner));
        setOwnerReferences(pod, refs);
        owned.add(pod);
      }
    }
    return owned;
  }

  private static List<OwnerReference> withoutOwner(Pod pod, HasMetadata owner) {
    List<OwnerReference> refs = pod.getMetadata().getOwnerReferences();
    return refs == null
        ? List.of()
        : refs.stream().filter(r -> !r.getUid().equals(owner.getMetadata().getUid())).toList();
  }

  private void setOwnerReferences(Pod pod, List<OwnerReference> refs) {
    String patch =
        "{\"metadata\":{\"ownerReferences\":"
            + client.getKubernetesSerialization().asJson(refs)
            + ",\"resourceVersion\":\""
            + pod.getMetadata().getResourceVersion()
            + "\"}}";
    client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  private void manage(T owner, List<Pod> active) {
    int diff = active.size() - replicas(owner);
    for (int i = diff; i < 0; i++) {
      Pod created =
          client
              .pods()
              .inNamespace(owner.getMetadata().getNamespace())
              .resource(newPod(owner))
              .create();
      events.normal(owner, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
    }
    if (diff > 0) {
      for (Pod pod : active.stream().sorted(Pods.DELETION_ORDER).limit(diff).toList()) {
        client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .delete();
        events.normal(owner, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
      }
    }
  }

  private Pod newPod(T owner) {
    PodTemplateSpec template = client.getKubernetesSerialization().clone(template(owner));
    return new PodBuilder()
        .withNewMetadataLike(
            template.getMetadata() == null
                ? new io.fabric8.kubernetes.api.model.ObjectMeta()
                : template.getMetadata())
        .withName(null)
        .withGenerateName(owner.getMetadata().getName() + "-")
        .withNamespace(owner.getMetadata().getNamespace())
        .withOwnerReferences(OwnerRefs.controllerRef(owner))
        .endMetadata()
        .withSpec(template.getSpec())
        .build();
  }

  private ReplicaCounts count(T owner, List<Pod> active, Instant now) {
    Map<String, String> templateLabels =
        template(owner).getMetadata() == null || template(owner).getMetadata().getLabels() == null
            ? Map.of()
            : template(owner).getMetadata().getLabels();
    int fullyLabeled = 0;
    int ready = 0;
    int available = 0;
    for (Pod pod : active) {
      Map<String, String> labels =
          pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
      if (labels.entrySet().containsAll(templateLabels.entrySet())) {
        fullyLabeled++;
      }
      if (Pods.isReady(pod)) {
        ready++;
      }
      if (Pods.isAvailable(pod, minReadySeconds(owner), now)) {
        available++;
      }
    }
    Long generation = owner.getMetadata().getGeneration();
    return new ReplicaCounts(
        active.size(), fullyLabeled, ready, available, generation == null ? 0 : generation);
  }
}
