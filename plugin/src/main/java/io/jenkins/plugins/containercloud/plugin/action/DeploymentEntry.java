package io.jenkins.plugins.containercloud.plugin.action;

/**
 * A deployment or rollback a build ran: where, which image, how it ended, how long it took, the
 * reason when it did not succeed, and its id in the history. Saved with the build.
 */
public final class DeploymentEntry {

  private final String deploymentId;
  private final String operation;
  private final String cluster;
  private final String namespace;
  private final String kind;
  private final String name;
  private final String imageBefore;
  private final String imageAfter;
  private final String outcome;
  private final long durationMillis;
  private final String reason;

  public DeploymentEntry(
      String deploymentId,
      String operation,
      String cluster,
      String namespace,
      String kind,
      String name,
      String imageBefore,
      String imageAfter,
      String outcome,
      long durationMillis,
      String reason) {
    this.deploymentId = deploymentId;
    this.operation = operation;
    this.cluster = cluster;
    this.namespace = namespace;
    this.kind = kind;
    this.name = name;
    this.imageBefore = imageBefore;
    this.imageAfter = imageAfter;
    this.outcome = outcome;
    this.durationMillis = durationMillis;
    this.reason = reason;
  }

  public String getDeploymentId() {
    return deploymentId;
  }

  /** {@code deploy}, {@code apply} or {@code rollback}. */
  public String getOperation() {
    return operation;
  }

  public String getCluster() {
    return cluster;
  }

  public String getNamespace() {
    return namespace;
  }

  public String getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public String getImageBefore() {
    return imageBefore;
  }

  public String getImageAfter() {
    return imageAfter;
  }

  /** {@code SUCCEEDED}, {@code ROLLED_BACK} or {@code FAILED}. */
  public String getOutcome() {
    return outcome;
  }

  public boolean isRolledBack() {
    return "ROLLED_BACK".equals(outcome);
  }

  public long getDurationMillis() {
    return durationMillis;
  }

  /** The duration for people, e.g. {@code 12.3 s}. */
  public String getDuration() {
    return String.format(java.util.Locale.ROOT, "%.1f s", durationMillis / 1000.0);
  }

  public String getReason() {
    return reason;
  }
}
