package io.jenkins.plugins.containercloud.rollout;

/**
 * A rollout was refused before anything changed: the message names the field and the fix (bad name,
 * missing workload, unknown container, selector conflict, an update of another image in progress).
 */
public class InvalidRolloutException extends IllegalArgumentException {

  public InvalidRolloutException(String message) {
    super(message);
  }

  /** E.g. "name: Deployment web not found in namespace shop". */
  static InvalidRolloutException notFound(WorkloadTarget target) {
    return new InvalidRolloutException(
        "name: "
            + target.kind().apiKind()
            + " "
            + target.name()
            + " not found in namespace "
            + target.namespace());
  }
}
