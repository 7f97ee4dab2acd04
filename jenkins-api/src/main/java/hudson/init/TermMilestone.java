package hudson.init;

import org.jvnet.hudson.reactor.Milestone;

/** Compile-only declaration of Jenkins' {@code TermMilestone}; see jenkins-api/README.md. */
public enum TermMilestone implements Milestone {
  STARTED,
  COMPLETED
}
