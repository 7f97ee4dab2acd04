package io.jenkins.plugins.containercloud.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The documents of the dashboard's JSON API ({@code docs/api/README.md}): plain records that both
 * hosts serialise with {@link DashboardJson#MAPPER}, so their JSON cannot drift.
 */
public final class DashboardJson {

  /** Writes the records below: absent optional fields are left out rather than written null. */
  public static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private DashboardJson() {}

  /** Requested against allocatable, CPU in millicores. */
  public record Cpu(long requestedMillis, long allocatableMillis) {}

  /** Requested against allocatable, memory in bytes. */
  public record Memory(long requestedBytes, long allocatableBytes) {}

  /** Pods bound against the pods a node (or the cluster) can hold. */
  public record PodSlots(long used, long allocatable) {}

  /** Node counts of a cluster. */
  public record NodeCounts(int total, int ready, int cordoned) {}

  /** Workload counts by health. */
  public record WorkloadCounts(int total, int healthy, int progressing, int degraded) {}

  /** A cluster's health at a glance. */
  public record ClusterSummary(
      String cluster,
      String generatedAt,
      NodeCounts nodes,
      Cpu cpu,
      Memory memory,
      PodSlots podSlots,
      Map<String, Integer> pods,
      WorkloadCounts workloads,
      int unschedulablePods,
      int warningEventsLastHour) {}

  /** A configured cluster, with its summary when it could be read. */
  public record ClusterEntry(
      String name,
      String server,
      String version,
      boolean sandbox,
      String status,
      String error,
      ClusterSummary summary) {}

  /** A node taint. */
  public record Taint(String key, String value, String effect) {}

  /** One node with its capacity use. */
  public record NodeView(
      String name,
      boolean ready,
      boolean cordoned,
      List<Taint> taints,
      String pool,
      String createdAt,
      List<String> roles,
      String internalIp,
      String kubeletVersion,
      Cpu cpu,
      Memory memory,
      PodSlots pods) {}

  /** The last recorded rollout of a workload. */
  public record LastRollout(String id, String outcome, String startedAt, String imageAfter) {}

  /** A ReplicationController, ReplicaSet or Deployment. */
  public record WorkloadView(
      String kind,
      String namespace,
      String name,
      int desired,
      int current,
      int ready,
      int available,
      int updated,
      Map<String, String> images,
      String health,
      String healthReason,
      String owner,
      String createdAt,
      LastRollout lastRollout) {}

  /** A service port. */
  public record ServicePort(int port, String targetPort, String protocol, String name) {}

  /** A pod a service's selector routes to. */
  public record EndpointPod(
      String name, boolean ready, String podIp, String node, List<String> images) {}

  /** A service and the pods it routes to. */
  public record ServiceView(
      String namespace,
      String name,
      String type,
      String clusterIp,
      List<ServicePort> ports,
      Map<String, String> selector,
      int readyEndpoints,
      int totalEndpoints,
      List<EndpointPod> pods) {}

  /** A pod. */
  public record PodView(
      String namespace,
      String name,
      String phase,
      boolean ready,
      int restarts,
      String node,
      String podIp,
      List<String> images,
      String workload,
      String createdAt,
      boolean unschedulable,
      String notReadyReason) {}

  /** A Kubernetes event. */
  public record ClusterEventView(
      String namespace,
      String type,
      String reason,
      String message,
      String object,
      int count,
      String lastSeen) {}

  /** One step of a rollout: replica counts of the old and new side after a change. */
  public record RolloutStep(
      String time,
      String oldName,
      int oldReplicas,
      int oldReady,
      String newName,
      int newReplicas,
      int newReady,
      int newAvailable,
      int desired) {}

  /** A line of a rollout's timeline, as the history stores it. */
  public record RolloutLine(int sequence, String time, String type, String message) {}

  /** A rollout this server runs or ran lately, with its steps and timeline. */
  public record RolloutView(
      String id,
      String cluster,
      String namespace,
      String kind,
      String name,
      String container,
      String image,
      String imageBefore,
      String action,
      String triggeredBy,
      String startedAt,
      String finishedAt,
      String state,
      String reason,
      List<RolloutStep> steps,
      List<RolloutLine> events) {}

  /** What {@code POST /rollouts} takes. */
  public record RolloutStart(
      String cluster,
      String namespace,
      String kind,
      String name,
      String container,
      String image,
      String maxSurge,
      String maxUnavailable,
      Integer timeoutSeconds) {}

  /** Who is asking, and what they may do. */
  public record Me(String user, List<String> roles, boolean canDeploy, boolean isAdmin) {}
}
