package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a Deployment's new ReplicaSet (the one whose template equals the Deployment's), creates it
 * when asked, keeps the revision annotations in step, and deletes old ReplicaSets beyond the
 * revision history limit.
 */
final class DeploymentReplicaSets {

  static final Comparator<ReplicaSet> BY_CREATION =
      Comparator.comparing((ReplicaSet rs) -> rs.getMetadata().getCreationTimestamp())
          .thenComparing(rs -> rs.getMetadata().getName());

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private DeploymentReplicaSets() {}

  /** Splits {@code owned} into the new ReplicaSet (if any) and the old ones, syncing revisions. */
  static void resolve(DeploymentSync sync, List<ReplicaSet> owned) {
    Deployment d = sync.deployment;
    ReplicaSet existing =
        owned.stream()
            .filter(
                rs ->
                    PodTemplates.equalIgnoringHash(
                        rs.getSpec().getTemplate(), d.getSpec().getTemplate()))
            .min(BY_CREATION)
            .orElse(null);
    sync.oldRss = new ArrayList<>(owned);
    sync.oldRss.remove(existing);
    sync.newRs = existing;
    if (existing != null) {
      syncExisting(sync, existing, Revisions.maxRevision(sync.oldRss) + 1);
    }
  }

  /** Creates the new ReplicaSet when there is none yet. */
  static void createIfMissing(DeploymentSync sync) {
    if (sync.newRs == null) {
      create(sync, Revisions.maxRevision(sync.oldRss) + 1);
    }
  }

  private static void syncExisting(DeploymentSync sync, ReplicaSet existing, long newRevision) {
    Deployment d = sync.deployment;
    ReplicaSet copy = cloneOf(existing);
    boolean annotationsChanged = Revisions.setNewReplicaSetAnnotations(d, copy, newRevision, true);
    int minReady = DeploymentMath.zero(d.getSpec().getMinReadySeconds());
    boolean minReadyChanged = DeploymentMath.zero(copy.getSpec().getMinReadySeconds()) != minReady;
    if (annotationsChanged || minReadyChanged) {
      copy.getSpec().setMinReadySeconds(d.getSpec().getMinReadySeconds());
      sync.update(copy);
      return;
    }
    sync.annotateRevision(Revisions.annotations(copy).get(Revisions.REVISION));
    boolean hasProgressing =
        DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING).isPresent();
    if (DeploymentProgress.hasDeadline(d) && !hasProgressing) {
      DeploymentConditions.set(
          sync.deployment.getStatus(),
          DeploymentConditions.create(
              DeploymentConditions.PROGRESSING,
              "True",
              DeploymentConditions.FOUND_NEW_RS,
              "Found new replica set \"" + copy.getMetadata().getName() + "\""));
      sync.writeStatus();
    }
  }

  private static void create(DeploymentSync sync, long newRevision) {
    Deployment d = sync.deployment;
    PodTemplateSpec template = cloneOf(d.getSpec().getTemplate());
    String hash = PodTemplates.hash(template, d.getStatus().getCollisionCount());
    Map<String, String> labels =
        new HashMap<>(
            template.getMetadata().getLabels() == null
                ? Map.of()
                : template.getMetadata().getLabels());
    labels.put(PodTemplates.HASH_LABEL, hash);
    template.getMetadata().setLabels(labels);
    LabelSelector selector = cloneOf(d.getSpec().getSelector());
    Map<String, String> matchLabels =
        new HashMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels());
    matchLabels.put(PodTemplates.HASH_LABEL, hash);
    selector.setMatchLabels(matchLabels);
    ReplicaSet rs =
        new ReplicaSetBuilder()
            .withNewMetadata()
            .withName(d.getMetadata().getName() + "-" + hash)
            .withNamespace(sync.namespace())
            .withLabels(labels)
            .withOwnerReferences(OwnerRefs.controllerRef(d))
            .endMetadata()
            .withNewSpec()
            .withReplicas(0)
            .withMinReadySeconds(d.getSpec().getMinReadySeconds())
            .withSelector(selector)
            .withTemplate(template)
            .endSpec()
            .build();
    List<ReplicaSet> all = sync.all();
    all.add(rs);
    rs.getSpec().setReplicas(DeploymentMath.newReplicaSetReplicas(d, all, rs));
    Revisions.setNewReplicaSetAnnotations(d, rs, newRevision, false);
    ReplicaSet created;
    try {
      created = sync.create(rs);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        // A ReplicaSet of that name exists but is not this template's: hash again next time.
        d.getStatus().setCollisionCount(DeploymentMath.zero(d.getStatus().getCollisionCount()) + 1);
        sync.writeStatus();
      }
      throw e;
    }
    sync.newRs = created;
    int replicas = DeploymentMath.replicas(created);
    if (replicas > 0) {
      sync.recordEvent(
          "ScalingReplicaSet",
          "Scaled up replica set " + created.getMetadata().getName() + " from 0 to " + replicas);
    }
    sync.annotateRevision(Long.toString(newRevision));
    if (DeploymentProgress.hasDeadline(sync.deployment)) {
      DeploymentConditions.set(
          sync.deployment.getStatus(),
          DeploymentConditions.create(
              DeploymentConditions.PROGRESSING,
              "True",
              DeploymentConditions.NEW_RS_CREATED,
              "Created new replica set \"" + created.getMetadata().getName() + "\""));
      sync.writeStatus();
    }
  }

  /** Deletes the oldest scaled-down ReplicaSets beyond {@code revisionHistoryLimit}. */
  static void cleanup(DeploymentSync sync) {
    Integer limit = sync.deployment.getSpec().getRevisionHistoryLimit();
    if (limit == null) {
      return;
    }
    List<ReplicaSet> cleanable =
        sync.oldRss.stream().filter(rs -> rs.getMetadata().getDeletionTimestamp() == null).toList();
    int surplus = cleanable.size() - limit;
    if (surplus <= 0) {
      return;
    }
    List<ReplicaSet> byRevision =
        cleanable.stream()
            .sorted(
                Comparator.<ReplicaSet>comparingLong(Revisions::revision)
                    .thenComparing(BY_CREATION))
            .toList();
    for (int i = 0; i < surplus; i++) {
      ReplicaSet rs = byRevision.get(i);
      long generation =
          rs.getMetadata().getGeneration() == null ? 0 : rs.getMetadata().getGeneration();
      long observed =
          rs.getStatus() == null || rs.getStatus().getObservedGeneration() == null
              ? 0
              : rs.getStatus().getObservedGeneration();
      int statusReplicas =
          rs.getStatus() == null ? 0 : DeploymentMath.zero(rs.getStatus().getReplicas());
      if (statusReplicas != 0 || DeploymentMath.replicas(rs) != 0 || generation > observed) {
        continue;
      }
      sync.delete(rs);
      sync.oldRss.remove(rs);
    }
  }

  private static <T> T cloneOf(T object) {
    return SERIALIZATION.clone(object);
  }
}
