package io.jenkins.plugins.containercloud.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.jenkins.plugins.containercloud.api.DashboardJson.WorkloadView;
import io.jenkins.plugins.containercloud.rollout.PodTemplates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads of a cluster with their health: Deployments, ReplicationControllers and the
 * ReplicaSets that carry pods (a Deployment's empty old revisions are left out).
 */
final class WorkloadViews {

  static final String HEALTHY = "healthy";
  static final String PROGRESSING = "progressing";
  static final String DEGRADED = "degraded";

  /** An RC being replaced by a rolling update carries this annotation (see core.rollout). */
  private static final String NEXT_CONTROLLER = "container-cloud.jenkins.io/next-controller-id";

  private WorkloadViews() {}

  static List<WorkloadView> of(
      List<Deployment> deployments,
      List<ReplicationController> replicationControllers,
      List<ReplicaSet> replicaSets,
      List<Pod> pods) {
    Map<String, String> podProblems = podProblemsByOwner(pods);
    List<WorkloadView> views = new ArrayList<>();
    for (Deployment d : deployments) {
      views.add(deployment(d, podProblems));
    }
    for (ReplicationController rc : replicationControllers) {
      views.add(replicationController(rc, podProblems));
    }
    for (ReplicaSet rs : replicaSets) {
      String owner = controller(rs);
      int desired = replicas(rs.getSpec().getReplicas());
      int current = rs.getStatus() == null ? 0 : replicas(rs.getStatus().getReplicas());
      if (owner != null && desired == 0 && current == 0) {
        continue; // an old revision kept for undo: nothing runs there
      }
      views.add(replicaSet(rs, owner, podProblems));
    }
    views.sort(
        Comparator.comparing(WorkloadView::namespace)
            .thenComparing(WorkloadView::name)
            .thenComparing(WorkloadView::kind));
    return views;
  }

  private static WorkloadView deployment(Deployment d, Map<String, String> podProblems) {
    var status = d.getStatus();
    int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int current = status == null ? 0 : replicas(status.getReplicas());
    int ready = status == null ? 0 : replicas(status.getReadyReplicas());
    int available = status == null ? 0 : replicas(status.getAvailableReplicas());
    int updated = status == null ? 0 : replicas(status.getUpdatedReplicas());
    String health;
    String reason = null;
    DeploymentCondition progressing = condition(d, "Progressing");
    boolean observed =
        status != null
            && status.getObservedGeneration() != null
            && status.getObservedGeneration() >= d.getMetadata().getGeneration();
    if (progressing != null
        && "False".equals(progressing.getStatus())
        && "ProgressDeadlineExceeded".equals(progressing.getReason())) {
      health = DEGRADED;
      reason = progressing.getMessage();
    } else if (observed && updated == desired && current == desired && available == desired) {
      health = HEALTHY;
    } else {
      health = PROGRESSING;
      reason = updated + " of " + desired + " updated, " + available + " available";
    }
    String problem =
        podProblems.get(
            d.getMetadata().getNamespace() + "/Deployment/" + d.getMetadata().getName());
    if (problem != null && !HEALTHY.equals(health)) {
      health = DEGRADED;
      reason = problem;
    }
    return view(
        "Deployment",
        d,
        desired,
        current,
        ready,
        available,
        updated,
        d.getSpec().getTemplate(),
        health,
        reason,
        null);
  }

  private static WorkloadView replicationController(
      ReplicationController rc, Map<String, String> podProblems) {
    var status = rc.getStatus();
    int desired = replicas(rc.getSpec().getReplicas());
    int current = status == null ? 0 : replicas(status.getReplicas());
    int ready = status == null ? 0 : replicas(status.getReadyReplicas());
    int available = status == null ? 0 : replicas(status.getAvailableReplicas());
    Map<String, String> annotations = rc.getMetadata().getAnnotations();
    String next = annotations == null ? null : annotations.get(NEXT_CONTROLLER);
    String problem =
        podProblems.get(
            rc.getMetadata().getNamespace()
                + "/ReplicationController/"
                + rc.getMetadata().getName());
    String health;
    String reason = null;
    if (problem != null) {
      health = DEGRADED;
      reason = problem;
    } else if (next != null) {
      health = PROGRESSING;
      reason = "rolling update to " + next;
    } else if (available >= desired && current == desired) {
      health = HEALTHY;
    } else {
      health = PROGRESSING;
      reason = available + " of " + desired + " available";
    }
    return view(
        "ReplicationController",
        rc,
        desired,
        current,
        ready,
        available,
        next == null ? current : 0,
        rc.getSpec().getTemplate(),
        health,
        reason,
        null);
  }

  private static WorkloadView replicaSet(
      ReplicaSet rs, String owner, Map<String, String> podProblems) {
    var status = rs.getStatus();
    int desired = replicas(rs.getSpec().getReplicas());
    int current = status == null ? 0 : replicas(status.getReplicas());
    int ready = status == null ? 0 : replicas(status.getReadyReplicas());
    int available = status == null ? 0 : replicas(status.getAvailableReplicas());
    String problem =
        podProblems.get(
            rs.getMetadata().getNamespace() + "/ReplicaSet/" + rs.getMetadata().getName());
    String health =
        problem != null
            ? DEGRADED
            : available >= desired && current == desired ? HEALTHY : PROGRESSING;
    String reason =
        problem != null
            ? problem
            : HEALTHY.equals(health) ? null : available + " of " + desired + " available";
    return view(
        "ReplicaSet",
        rs,
        desired,
        current,
        ready,
        available,
        current,
        rs.getSpec().getTemplate(),
        health,
        reason,
        owner);
  }

  private static WorkloadView view(
      String kind,
      HasMetadata object,
      int desired,
      int current,
      int ready,
      int available,
      int updated,
      PodTemplateSpec template,
      String health,
      String reason,
      String owner) {
    return new WorkloadView(
        kind,
        object.getMetadata().getNamespace(),
        object.getMetadata().getName(),
        desired,
        current,
        ready,
        available,
        updated,
        template == null ? Map.of() : PodTemplates.allImages(template),
        health,
        reason,
        owner,
        object.getMetadata().getCreationTimestamp(),
        null);
  }

  /**
   * The first fatal-looking problem among each controller's pods (crash loops, image pulls,
   * unschedulable), keyed by {@code namespace/Kind/name} of the controller; a Deployment's key is
   * filled from its ReplicaSets' pods too.
   */
  private static Map<String, String> podProblemsByOwner(List<Pod> pods) {
    Map<String, String> problems = new HashMap<>();
    for (Pod pod : pods) {
      String owner = PodFacts.owner(pod);
      if (owner == null) {
        continue;
      }
      String problem = problem(pod);
      if (problem == null) {
        continue;
      }
      String namespace = pod.getMetadata().getNamespace();
      problems.putIfAbsent(namespace + "/" + owner, problem);
      if (owner.startsWith("ReplicaSet/")) {
        String deployment = deploymentOfReplicaSet(pod, owner.substring("ReplicaSet/".length()));
        if (deployment != null) {
          problems.putIfAbsent(namespace + "/Deployment/" + deployment, problem);
        }
      }
    }
    return problems;
  }

  /** A Deployment's ReplicaSet is named {@code <deployment>-<pod-template-hash>}. */
  private static String deploymentOfReplicaSet(Pod pod, String replicaSet) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    String hash = labels == null ? null : labels.get("pod-template-hash");
    if (hash == null || !replicaSet.endsWith("-" + hash)) {
      return null;
    }
    return replicaSet.substring(0, replicaSet.length() - hash.length() - 1);
  }

  private static String problem(Pod pod) {
    if (PodFacts.unschedulable(pod)) {
      return "pod " + pod.getMetadata().getName() + " cannot be scheduled";
    }
    String reason = PodFacts.notReadyReason(pod);
    if (reason == null) {
      return null;
    }
    for (String fatal :
        List.of(
            "CrashLoopBackOff",
            "ImagePullBackOff",
            "ErrImagePull",
            "InvalidImageName",
            "CreateContainerConfigError",
            "RunContainerError")) {
      if (reason.startsWith(fatal)) {
        return "pod " + pod.getMetadata().getName() + ": " + reason;
      }
    }
    return null;
  }

  private static String controller(HasMetadata object) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    if (owners != null) {
      for (OwnerReference owner : owners) {
        if (Boolean.TRUE.equals(owner.getController())) {
          return owner.getKind() + "/" + owner.getName();
        }
      }
    }
    return null;
  }

  private static DeploymentCondition condition(Deployment d, String type) {
    if (d.getStatus() == null || d.getStatus().getConditions() == null) {
      return null;
    }
    return d.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private static int replicas(Integer value) {
    return value == null ? 0 : value;
  }
}
