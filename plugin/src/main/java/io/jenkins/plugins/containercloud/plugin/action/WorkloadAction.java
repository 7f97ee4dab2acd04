package io.jenkins.plugins.containercloud.plugin.action;

import hudson.model.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * On a job that deploys: the workloads its builds rolled out, newest first, and what each runs now
 * ({@code jobMain.jelly} on the job's page, {@code JOB_URL/container-cloud-workloads/} in full).
 * The deploying steps add it to the job; the state is read when the page is shown.
 */
public final class WorkloadAction implements Action {

  /** How many workloads a job's page lists. */
  static final int KEPT = 5;

  private final List<WorkloadRef> workloads = new ArrayList<>();

  /** Reads a workload's state; set by the plugin at start-up, never saved. */
  private static volatile Function<WorkloadRef, WorkloadState> reader =
      w -> WorkloadState.unavailable(w, "Jenkins is starting");

  /** Remembers that the job deployed to {@code workload} (now its newest). */
  public synchronized void deployed(WorkloadRef workload) {
    workloads.remove(workload);
    workloads.add(0, workload);
    while (workloads.size() > KEPT) {
      workloads.remove(workloads.size() - 1);
    }
  }

  public synchronized List<WorkloadRef> getWorkloads() {
    return List.copyOf(workloads);
  }

  /** What each workload runs now. */
  public List<WorkloadState> getStates() {
    return getWorkloads().stream().map(reader).toList();
  }

  /** Sets how states are read (the dashboard's caches in Jenkins; a test's own elsewhere). */
  public static void readStatesWith(Function<WorkloadRef, WorkloadState> read) {
    reader = read;
  }

  @Override
  public String getIconFileName() {
    return "symbol-container-cloud plugin-container-cloud";
  }

  @Override
  public String getDisplayName() {
    return "Workloads";
  }

  @Override
  public String getUrlName() {
    return "container-cloud-workloads";
  }
}
