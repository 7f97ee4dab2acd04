package io.jenkins.plugins.containercloud.rollout;

/**
 * The annotations and labels that hold a rolling update's state on the controllers themselves, so
 * that an interrupted update can be resumed by running it again (the names {@code kubectl
 * rolling-update} used, under this project's prefix).
 */
final class Annotations {

  static final String PREFIX = "container-cloud.jenkins.io/";

  /** On the new controller: {@code <old name>:<old uid>}, which update created it. */
  static final String SOURCE_ID = PREFIX + "update-source-id";

  /** On the new controller: the replica count it grows to. */
  static final String DESIRED_REPLICAS = PREFIX + "desired-replicas";

  /** On the old controller: its replica count before the update, for rollback. */
  static final String ORIGINAL_REPLICAS = PREFIX + "original-replicas";

  /** On the old controller: the name of the controller replacing it. */
  static final String NEXT_CONTROLLER = PREFIX + "next-controller-id";

  /** On the new controller once scaled: the name it takes when the old one is gone. */
  static final String RENAME_TO = PREFIX + "rename-to";

  /** On a finished controller: {@code container=image} pairs it ran before, for rollback. */
  static final String PREVIOUS_IMAGES = PREFIX + "previous-images";

  /** The selector and template label that tells old and new pods apart. */
  static final String DEPLOYMENT_LABEL = "deployment";

  /** What a Deployment revision was made for, as {@code kubectl rollout history} shows it. */
  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

  static final String REVISION = "deployment.kubernetes.io/revision";

  private Annotations() {}
}
