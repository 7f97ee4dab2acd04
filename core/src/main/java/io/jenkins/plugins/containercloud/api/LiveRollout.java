package io.jenkins.plugins.containercloud.api;

import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutLine;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutStep;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutView;
import io.jenkins.plugins.containercloud.rollout.RolloutEvent;
import io.jenkins.plugins.containercloud.rollout.WorkloadTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/** One rollout this server runs: its progress as the engine reports it, for the live pages. */
final class LiveRollout {

  static final String RUNNING = "RUNNING";
  static final String ABORTING = "ABORTING";

  /** How many steps and lines one rollout keeps for the page; the history keeps them all. */
  private static final int MAX_ENTRIES = 500;

  private final String id;
  private final String cluster;
  private final WorkloadTarget target;
  private final String image;
  private final String imageBefore;
  private final String action;
  private final String triggeredBy;
  private final Instant startedAt;
  private final List<RolloutStep> steps = new ArrayList<>();
  private final List<RolloutLine> lines = new ArrayList<>();
  private String state = RUNNING;
  private String reason;
  private Instant finishedAt;
  private Future<?> work;

  LiveRollout(
      String id,
      String cluster,
      WorkloadTarget target,
      String image,
      String imageBefore,
      String action,
      String triggeredBy,
      Instant startedAt) {
    this.id = id;
    this.cluster = cluster;
    this.target = target;
    this.image = image;
    this.imageBefore = imageBefore;
    this.action = action;
    this.triggeredBy = triggeredBy;
    this.startedAt = startedAt;
  }

  String id() {
    return id;
  }

  String cluster() {
    return cluster;
  }

  WorkloadTarget target() {
    return target;
  }

  synchronized void attach(Future<?> work) {
    this.work = work;
  }

  synchronized void on(RolloutEvent event) {
    if (event instanceof RolloutEvent.ReplicasChanged r && steps.size() < MAX_ENTRIES) {
      steps.add(
          new RolloutStep(
              r.time().toString(),
              r.oldName(),
              r.oldReplicas(),
              r.oldReady(),
              r.newName(),
              r.newReplicas(),
              r.newReady(),
              r.newAvailable(),
              r.desired()));
    }
    if (lines.size() < MAX_ENTRIES) {
      lines.add(
          new RolloutLine(
              lines.size() + 1, event.time().toString(), event.type(), event.describe()));
    }
  }

  /** Asks the rollout to stop: the engine rolls back, and the rollout ends ROLLED_BACK. */
  synchronized boolean abort() {
    if (!isRunning() || work == null) {
      return false;
    }
    state = ABORTING;
    work.cancel(true);
    return true;
  }

  synchronized void finished(String outcome, String why, Instant at) {
    state = outcome;
    reason = why;
    finishedAt = at;
  }

  synchronized boolean isRunning() {
    return finishedAt == null;
  }

  synchronized Instant finishedAt() {
    return finishedAt;
  }

  synchronized RolloutView view() {
    return new RolloutView(
        id,
        cluster,
        target.namespace(),
        target.kind().apiKind(),
        target.name(),
        target.container(),
        image,
        imageBefore,
        action,
        triggeredBy,
        startedAt.toString(),
        finishedAt == null ? null : finishedAt.toString(),
        state,
        reason,
        List.copyOf(steps),
        List.copyOf(lines));
  }
}
