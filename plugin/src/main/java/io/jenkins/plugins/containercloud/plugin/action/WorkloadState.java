package io.jenkins.plugins.containercloud.plugin.action;

import io.jenkins.plugins.containercloud.api.DashboardJson.WorkloadView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a job's workload runs now, for its page: the images, ready against desired pods, health, and
 * its last recorded rollout, taken from {@code core}'s dashboard view of the workload (the same as
 * the Container Cloud pages show). Or why that cannot be read.
 */
public final class WorkloadState {

  private final WorkloadRef workload;
  private final WorkloadView view;
  private final String problem;

  private WorkloadState(WorkloadRef workload, WorkloadView view, String problem) {
    this.workload = workload;
    this.view = view;
    this.problem = problem;
  }

  /** The state of {@code workload} among the views of its namespace, or why it is not there. */
  public static WorkloadState find(WorkloadRef workload, List<WorkloadView> views) {
    return views.stream()
        .filter(v -> v.kind().equals(workload.kind()) && v.name().equals(workload.name()))
        .findFirst()
        .map(v -> new WorkloadState(workload, v, null))
        .orElseGet(
            () ->
                unavailable(
                    workload,
                    workload.kind() + " " + workload.name() + " is not in the cluster any more"));
  }

  public static WorkloadState unavailable(WorkloadRef workload, String problem) {
    return new WorkloadState(workload, null, problem);
  }

  public WorkloadRef getWorkload() {
    return workload;
  }

  /** Why the state is unknown, or null when it is known. */
  public String getProblem() {
    return problem;
  }

  /** The images running now, {@code container=image} when there are several containers. */
  public String getImages() {
    if (view == null) {
      return null;
    }
    Map<String, String> images = view.images();
    return images.size() == 1
        ? images.values().iterator().next()
        : images.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
  }

  public String getShortImages() {
    if (view == null) {
      return null;
    }
    return view.images().values().stream()
        .map(ShortText::reference)
        .collect(Collectors.joining(", "));
  }

  /** {@code 3/3}: ready pods of the desired. */
  public String getReady() {
    return view == null ? null : view.ready() + "/" + view.desired();
  }

  /** {@code Healthy}, {@code Progressing} or {@code Degraded}, with the reason when not healthy. */
  public String getHealth() {
    if (view == null) {
      return null;
    }
    return view.healthReason() == null ? view.health() : view.health() + ": " + view.healthReason();
  }

  /** The last recorded rollout's id, or null when the history has none. */
  public String getLastRolloutId() {
    return view == null || view.lastRollout() == null ? null : view.lastRollout().id();
  }

  /** The last recorded rollout: its outcome and when it started. */
  public String getLastRollout() {
    if (view == null || view.lastRollout() == null) {
      return null;
    }
    return view.lastRollout().outcome() + " " + view.lastRollout().startedAt();
  }
}
