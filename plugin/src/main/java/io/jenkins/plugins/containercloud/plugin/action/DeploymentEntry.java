package io.jenkins.plugins.containercloud.plugin.action;

import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A deployment or rollback a build ran: where, which image (before, after, and the one it tried),
 * how it ended, how long it took, the reason when it did not succeed, and its id in the history.
 * Saved with the build; the images and outcome are taken from the history's record as {@code
 * core}'s JSON writes it for the dashboard.
 */
@ExportedBean(defaultVisibility = 2)
public final class DeploymentEntry {

  private final String deploymentId;
  private final String operation;
  private final String cluster;
  private final String namespace;
  private final String kind;
  private final String name;
  private final String imageBefore;
  private final String imageAfter;
  private final String imageRequested;
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
      String imageRequested,
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
    this.imageRequested = imageRequested;
    this.outcome = outcome;
    this.durationMillis = durationMillis;
    this.reason = reason;
  }

  @Exported
  public String getDeploymentId() {
    return deploymentId;
  }

  /** {@code deploy}, {@code apply} or {@code rollback}. */
  @Exported
  public String getOperation() {
    return operation;
  }

  @Exported
  public String getCluster() {
    return cluster;
  }

  @Exported
  public String getNamespace() {
    return namespace;
  }

  @Exported
  public String getKind() {
    return kind;
  }

  @Exported
  public String getName() {
    return name;
  }

  @Exported
  public String getImageBefore() {
    return imageBefore;
  }

  @Exported
  public String getImageAfter() {
    return imageAfter;
  }

  /**
   * The image the deployment tried to roll out: for a rollout that failed and was rolled back,
   * {@link #getImageAfter()} is the old image again and this is the one that failed.
   */
  @Exported
  public String getImageRequested() {
    return imageRequested;
  }

  /** {@code SUCCEEDED}, {@code ROLLED_BACK} or {@code FAILED}. */
  @Exported
  public String getOutcome() {
    return outcome;
  }

  @Exported
  public boolean isRolledBack() {
    return "ROLLED_BACK".equals(outcome);
  }

  @Exported
  public long getDurationMillis() {
    return durationMillis;
  }

  /** The duration for people, e.g. {@code 12.3 s}. */
  public String getDuration() {
    return String.format(java.util.Locale.ROOT, "%.1f s", durationMillis / 1000.0);
  }

  @Exported
  public String getReason() {
    return reason;
  }

  /** Whether the deployment tried an image other than the one it ended with (it failed). */
  public boolean isTriedOtherImage() {
    return imageRequested != null && !imageRequested.equals(imageAfter);
  }

  /** The deployment's id shortened for the page; the link leads to the whole record. */
  public String getShortId() {
    return ShortText.id(deploymentId);
  }

  public String getShortImageBefore() {
    return ShortText.reference(imageBefore);
  }

  public String getShortImageAfter() {
    return ShortText.reference(imageAfter);
  }

  public String getShortImageRequested() {
    return ShortText.reference(imageRequested);
  }
}
