package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** Finds the pod spec inside the workload kinds that carry one. */
final class PodSpecs {

  private PodSpecs() {}

  /** The object's pod spec, or null for kinds without one. */
  static PodSpec of(HasMetadata object) {
    PodTemplateSpec template =
        switch (object) {
          case Deployment d -> d.getSpec() == null ? null : d.getSpec().getTemplate();
          case ReplicationController rc -> rc.getSpec() == null ? null : rc.getSpec().getTemplate();
          case ReplicaSet rs -> rs.getSpec() == null ? null : rs.getSpec().getTemplate();
          case StatefulSet s -> s.getSpec() == null ? null : s.getSpec().getTemplate();
          case DaemonSet ds -> ds.getSpec() == null ? null : ds.getSpec().getTemplate();
          case Job j -> j.getSpec() == null ? null : j.getSpec().getTemplate();
          case CronJob c ->
              c.getSpec() == null || c.getSpec().getJobTemplate().getSpec() == null
                  ? null
                  : c.getSpec().getJobTemplate().getSpec().getTemplate();
          case Pod p -> new PodTemplateSpec(null, p.getSpec());
          default -> null;
        };
    return template == null ? null : template.getSpec();
  }
}
