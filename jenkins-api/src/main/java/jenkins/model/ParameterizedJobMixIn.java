package jenkins.model;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

/**
 * Compile-only declaration of Jenkins' {@code ParameterizedJobMixIn}; see jenkins-api/README.md.
 */
// Jenkins' bounds add ParameterizedJob<JobT, RunT> & Queue.Task and Queue.Executable, which are
// not in the reference; the first bounds alone erase the same.
public abstract class ParameterizedJobMixIn<
    JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {

  private ParameterizedJobMixIn() {}

  public static Queue.Item scheduleBuild2(Job<?, ?> job, int quietPeriod, Action... actions) {
    throw new UnsupportedOperationException(
        "ParameterizedJobMixIn.scheduleBuild2 runs only inside Jenkins");
  }
}
