package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The garbage collector for the owners the sandbox knows (ReplicationControllers, ReplicaSets,
 * Deployments) and their dependents (pods, ReplicaSets). When an owner is gone its dependents go
 * too, unless another owner remains; an owner deleted with the {@code orphan} finalizer has the
 * references to it removed from its dependents; one with {@code foregroundDeletion} waits until its
 * dependents are gone.
 */
final class GarbageCollector extends Controller {

  private static final Set<String> OWNERS =
      Set.of("ReplicationController", "ReplicaSet", "Deployment");

  GarbageCollector(KubernetesClient client) {
    super("garbage-collector", client);
  }

  @Override
  void register(Informers informers) {
    informers.replicationControllers.addEventHandler(EventHandlers.each(this::ownerChanged));
    informers.replicaSets.addEventHandler(EventHandlers.each(this::ownerChanged));
    informers.deployments.addEventHandler(EventHandlers.each(this::ownerChanged));
    informers.pods.addEventHandler(EventHandlers.each(this::dependentChanged));
    informers.replicaSets.addEventHandler(EventHandlers.each(this::dependentChanged));
  }

  private void ownerChanged(HasMetadata owner) {
    queue.add(
        ownerKey(
            owner.getKind(),
            owner.getMetadata().getNamespace(),
            owner.getMetadata().getName(),
            owner.getMetadata().getUid()));
  }

  private void dependentChanged(HasMetadata dependent) {
    List<OwnerReference> refs = dependent.getMetadata().getOwnerReferences();
    if (refs != null) {
      for (OwnerReference ref : refs) {
        if (OWNERS.contains(ref.getKind())) {
          queue.add(
              ownerKey(
                  ref.getKind(),
                  dependent.getMetadata().getNamespace(),
                  ref.getName(),
                  ref.getUid()));
        }
      }
    }
  }

  private static String ownerKey(String kind, String namespace, String name, String uid) {
    return String.join("/", kind, namespace, name, uid);
  }

  @Override
  void sync(String key) {
    String[] parts = key.split("/");
    String kind = parts[0];
    String namespace = parts[1];
    String uid = parts[3];
    HasMetadata owner = owner(kind, namespace, parts[2]).get();
    List<HasMetadata> dependents = dependents(namespace, uid);
    if (owner == null || !uid.equals(owner.getMetadata().getUid())) {
      for (HasMetadata dependent : dependents) {
        if (otherOwnerExists(dependent, uid)) {
          removeReference(dependent, uid);
        } else {
          delete(dependent, DeletionPropagation.BACKGROUND);
        }
      }
      return;
    }
    if (owner.getMetadata().getDeletionTimestamp() == null) {
      return;
    }
    List<String> finalizers = owner.getMetadata().getFinalizers();
    if (finalizers.contains(DeleteHandler.ORPHAN_FINALIZER)) {
      dependents.forEach(d -> removeReference(d, uid));
      removeFinalizer(kind, owner, DeleteHandler.ORPHAN_FINALIZER);
    } else if (finalizers.contains(DeleteHandler.FOREGROUND_FINALIZER)) {
      if (dependents.isEmpty()) {
        removeFinalizer(kind, owner, DeleteHandler.FOREGROUND_FINALIZER);
      } else {
        dependents.stream()
            .filter(d -> d.getMetadata().getDeletionTimestamp() == null)
            .forEach(d -> delete(d, DeletionPropagation.FOREGROUND));
      }
    }
  }

  private Resource<? extends HasMetadata> owner(String kind, String namespace, String name) {
    return switch (kind) {
      case "ReplicationController" ->
          client.replicationControllers().inNamespace(namespace).withName(name);
      case "ReplicaSet" -> client.apps().replicaSets().inNamespace(namespace).withName(name);
      default -> client.apps().deployments().inNamespace(namespace).withName(name);
    };
  }

  private List<HasMetadata> dependents(String namespace, String uid) {
    List<HasMetadata> dependents = new ArrayList<>();
    client.pods().inNamespace(namespace).list().getItems().stream()
        .filter(p -> references(p, uid))
        .forEach(dependents::add);
    client.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
        .filter(r -> references(r, uid))
        .forEach(dependents::add);
    return dependents;
  }

  private static boolean references(HasMetadata object, String uid) {
    List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
    return refs != null && refs.stream().anyMatch(r -> uid.equals(r.getUid()));
  }

  private boolean otherOwnerExists(HasMetadata dependent, String goneUid) {
    for (OwnerReference ref : dependent.getMetadata().getOwnerReferences()) {
      if (ref.getUid().equals(goneUid)) {
        continue;
      }
      if (!OWNERS.contains(ref.getKind())) {
        return true;
      }
      HasMetadata other =
          owner(ref.getKind(), dependent.getMetadata().getNamespace(), ref.getName()).get();
      if (other != null && ref.getUid().equals(other.getMetadata().getUid())) {
        return true;
      }
    }
    return false;
  }

  private void removeReference(HasMetadata dependent, String uid) {
    List<OwnerReference> kept =
        dependent.getMetadata().getOwnerReferences().stream()
            .filter(r -> !uid.equals(r.getUid()))
            .toList();
    String patch =
        "{\"metadata\":{\"ownerReferences\":"
            + client.getKubernetesSerialization().asJson(kept)
            + ",\"resourceVersion\":\""
            + dependent.getMetadata().getResourceVersion()
            + "\"}}";
    client.resource(dependent).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  private void removeFinalizer(String kind, HasMetadata owner, String finalizer) {
    List<String> kept =
        owner.getMetadata().getFinalizers().stream()
            .filter(f -> !Objects.equals(f, finalizer))
            .toList();
    String patch =
        "{\"metadata\":{\"finalizers\":"
            + client.getKubernetesSerialization().asJson(kept)
            + ",\"resourceVersion\":\""
            + owner.getMetadata().getResourceVersion()
            + "\"}}";
    owner(kind, owner.getMetadata().getNamespace(), owner.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  private void delete(HasMetadata dependent, DeletionPropagation propagation) {
    client.resource(dependent).withPropagationPolicy(propagation).delete();
  }
}
