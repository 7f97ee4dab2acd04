package io.jenkins.plugins.containercloud.plugin.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.api.ApplyReport;
import io.jenkins.plugins.containercloud.api.DeploymentReport;
import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import io.jenkins.plugins.containercloud.plugin.action.DeploymentEntry;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadRef;
import io.jenkins.plugins.containercloud.rollout.RolloutOutcome;
import io.jenkins.plugins.containercloud.rollout.RolloutResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one deployment, apply or rollback ended, in the terms a build shows: for the summary page,
 * the step's return value, and the failure message.
 */
record DeploymentSummary(
    String deploymentId,
    String operation,
    String cluster,
    String namespace,
    String kind,
    String name,
    String imageBefore,
    String imageAfter,
    String imageRequested,
    RolloutOutcome outcome,
    long durationMillis,
    String reason) {

  /**
   * @param record the history's record of it as {@code core} writes it for the dashboard ({@code
   *     JsonViews.record}), or an empty node when it cannot be read: the images come from there, so
   *     the build page shows what the dashboard shows, the attempted image included
   */
  static DeploymentSummary of(
      String operation, String cluster, DeploymentReport report, JsonNode record) {
    RolloutResult result = report.result();
    return new DeploymentSummary(
        report.deploymentId(),
        operation,
        cluster,
        result.workload().namespace(),
        result.workload().kind().apiKind(),
        result.workload().name(),
        text(record, "imageBefore", result.imageBefore()),
        text(record, "imageAfter", result.imageAfter()),
        text(record, "imageRequested", null),
        result.outcome(),
        result.duration().toMillis(),
        result.reason());
  }

  static DeploymentSummary of(
      String cluster, String namespace, String name, String image, ApplyReport report) {
    return new DeploymentSummary(
        report.deploymentId(),
        "apply",
        cluster,
        namespace,
        "Manifests",
        name,
        null,
        image,
        image,
        report.result().outcome(),
        report.result().duration().toMillis(),
        report.result().reason());
  }

  /**
   * This summary with every text masked: the reason may quote what a server answered, and the
   * summary reaches the build page, its JSON, the log and the Pipeline script.
   */
  DeploymentSummary masked(SecretMasker masker) {
    return new DeploymentSummary(
        deploymentId,
        operation,
        masker.mask(cluster),
        masker.mask(namespace),
        kind,
        masker.mask(name),
        masker.mask(imageBefore),
        masker.mask(imageAfter),
        masker.mask(imageRequested),
        outcome,
        durationMillis,
        masker.mask(reason));
  }

  /** The workload it rolled out, unless it applied manifests. */
  java.util.Optional<WorkloadRef> workload() {
    return "Manifests".equals(kind)
        ? java.util.Optional.empty()
        : java.util.Optional.of(new WorkloadRef(cluster, namespace, kind, name));
  }

  boolean succeeded() {
    return outcome == RolloutOutcome.SUCCEEDED;
  }

  /** Why the step fails: what failed, whether it was rolled back, and where it is recorded. */
  String failure() {
    String what = operation + " of " + kind + " " + name + " in namespace " + namespace;
    String how =
        outcome == RolloutOutcome.ROLLED_BACK
            ? " failed and was rolled back" + (imageAfter == null ? "" : " to " + imageAfter)
            : " failed and was not rolled back";
    return "The "
        + what
        + how
        + ": "
        + (reason == null ? "no reason given" : reason)
        + " (deployment "
        + deploymentId
        + " in the history)";
  }

  DeploymentEntry entry() {
    return new DeploymentEntry(
        deploymentId,
        operation,
        cluster,
        namespace,
        kind,
        name,
        imageBefore,
        imageAfter,
        imageRequested,
        outcome.name(),
        durationMillis,
        reason);
  }

  private static String text(JsonNode record, String field, String otherwise) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? otherwise : value.asText();
  }

  /** What the step returns to the Pipeline script. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("outcome", outcome.name());
    map.put("deploymentId", deploymentId);
    map.put("cluster", cluster);
    map.put("namespace", namespace);
    map.put("kind", kind);
    map.put("name", name);
    map.put("imageBefore", imageBefore);
    map.put("imageAfter", imageAfter);
    map.put("imageRequested", imageRequested);
    map.put("durationMillis", durationMillis);
    map.put("rolledBack", outcome == RolloutOutcome.ROLLED_BACK);
    map.put("reason", reason);
    return map;
  }
}
