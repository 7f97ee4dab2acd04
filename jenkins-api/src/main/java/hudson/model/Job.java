package hudson.model;

import hudson.ExtensionPoint;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

/** Compile-only declaration of Jenkins' {@code Job}; see jenkins-api/README.md. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends AbstractItem
    implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {

  private Job() {}

  public RunT getLastBuild() {
    throw new UnsupportedOperationException("Job.getLastBuild runs only inside Jenkins");
  }

  public RunT getBuildByNumber(int n) {
    throw new UnsupportedOperationException("Job.getBuildByNumber runs only inside Jenkins");
  }

  public abstract boolean isBuildable();
}
