package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;

/** The ReplicationController controller ("replication manager"). */
final class ReplicationManager extends ReplicaManager<ReplicationController> {

  ReplicationManager(KubernetesClient client) {
    super("replication-controller", client);
  }

  @Override
  String kind() {
    return "ReplicationController";
  }

  @Override
  SharedIndexInformer<ReplicationController> informer(Informers informers) {
    return informers.replicationControllers;
  }

  @Override
  ReplicationController fetch(String namespace, String name) {
    return client.replicationControllers().inNamespace(namespace).withName(name).get();
  }

  @Override
  boolean selects(ReplicationController rc, Map<String, String> labels) {
    return LabelSelectors.matches(rc.getSpec().getSelector(), labels);
  }

  @Override
  PodTemplateSpec template(ReplicationController rc) {
    return rc.getSpec().getTemplate();
  }

  @Override
  int replicas(ReplicationController rc) {
    return rc.getSpec().getReplicas() == null ? 1 : rc.getSpec().getReplicas();
  }

  @Override
  int minReadySeconds(ReplicationController rc) {
    return rc.getSpec().getMinReadySeconds() == null ? 0 : rc.getSpec().getMinReadySeconds();
  }

  @Override
  ReplicaCounts counts(ReplicationController rc) {
    ReplicationControllerStatus s =
        rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
    return new ReplicaCounts(
        zero(s.getReplicas()),
        zero(s.getFullyLabeledReplicas()),
        zero(s.getReadyReplicas()),
        zero(s.getAvailableReplicas()),
        s.getObservedGeneration() == null ? 0 : s.getObservedGeneration());
  }

  @Override
  void writeStatus(ReplicationController rc, ReplicaCounts counts) {
    ReplicationControllerStatus status =
        rc.getStatus() == null ? new ReplicationControllerStatus() : rc.getStatus();
    status.setReplicas(counts.replicas());
    status.setFullyLabeledReplicas(omitZero(counts.fullyLabeledReplicas()));
    status.setReadyReplicas(omitZero(counts.readyReplicas()));
    status.setAvailableReplicas(omitZero(counts.availableReplicas()));
    status.setObservedGeneration(counts.observedGeneration());
    rc.setStatus(status);
    client
        .replicationControllers()
        .inNamespace(rc.getMetadata().getNamespace())
        .resource(rc)
        .updateStatus();
  }

  static int zero(Integer value) {
    return value == null ? 0 : value;
  }
}
