package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;

/** The ReplicaSet controller. */
final class ReplicaSetController extends ReplicaManager<ReplicaSet> {

  ReplicaSetController(KubernetesClient client) {
    super("replicaset-controller", client);
  }

  @Override
  String kind() {
    return "ReplicaSet";
  }

  @Override
  SharedIndexInformer<ReplicaSet> informer(Informers informers) {
    return informers.replicaSets;
  }

  @Override
  ReplicaSet fetch(String namespace, String name) {
    return client.apps().replicaSets().inNamespace(namespace).withName(name).get();
  }

  @Override
  boolean selects(ReplicaSet rs, Map<String, String> labels) {
    return LabelSelectors.matches(rs.getSpec().getSelector(), labels);
  }

  @Override
  PodTemplateSpec template(ReplicaSet rs) {
    return rs.getSpec().getTemplate();
  }

  @Override
  int replicas(ReplicaSet rs) {
    return rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
  }

  @Override
  int minReadySeconds(ReplicaSet rs) {
    return rs.getSpec().getMinReadySeconds() == null ? 0 : rs.getSpec().getMinReadySeconds();
  }

  @Override
  ReplicaCounts counts(ReplicaSet rs) {
    ReplicaSetStatus s = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    return new ReplicaCounts(
        ReplicationManager.zero(s.getReplicas()),
        ReplicationManager.zero(s.getFullyLabeledReplicas()),
        ReplicationManager.zero(s.getReadyReplicas()),
        ReplicationManager.zero(s.getAvailableReplicas()),
        s.getObservedGeneration() == null ? 0 : s.getObservedGeneration());
  }

  @Override
  void writeStatus(ReplicaSet rs, ReplicaCounts counts) {
    ReplicaSetStatus status = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
    status.setReplicas(counts.replicas());
    status.setFullyLabeledReplicas(omitZero(counts.fullyLabeledReplicas()));
    status.setReadyReplicas(omitZero(counts.readyReplicas()));
    status.setAvailableReplicas(omitZero(counts.availableReplicas()));
    status.setObservedGeneration(counts.observedGeneration());
    // Pods are deleted at once here, so none is ever counted as terminating.
    status.setTerminatingReplicas(0);
    rs.setStatus(status);
    client
        .apps()
        .replicaSets()
        .inNamespace(rs.getMetadata().getNamespace())
        .resource(rs)
        .updateStatus();
  }
}
