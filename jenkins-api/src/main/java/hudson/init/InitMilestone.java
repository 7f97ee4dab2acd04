package hudson.init;

import org.jvnet.hudson.reactor.Milestone;

/** Compile-only declaration of Jenkins' {@code InitMilestone}; see jenkins-api/README.md. */
public enum InitMilestone implements Milestone {
  STARTED,
  PLUGINS_LISTED,
  PLUGINS_PREPARED,
  PLUGINS_STARTED,
  EXTENSIONS_AUGMENTED,
  SYSTEM_CONFIG_LOADED,
  SYSTEM_CONFIG_ADAPTED,
  JOB_LOADED,
  JOB_CONFIG_ADAPTED,
  COMPLETED
}
