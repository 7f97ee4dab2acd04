package hudson.model;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.IOException;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

/** Compile-only declaration of Jenkins' {@code Run}; see jenkins-api/README.md. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends Actionable
    implements ExtensionPoint,
        Comparable<RunT>,
        AccessControlled,
        PersistenceRoot,
        DescriptorByNameOwner,
        OnMaster,
        StaplerProxy,
        HistoricalBuild,
        WithConsoleUrl {

  private Run() {}

  public JobT getParent() {
    throw new UnsupportedOperationException("Run.getParent runs only inside Jenkins");
  }

  public int getNumber() {
    throw new UnsupportedOperationException("Run.getNumber runs only inside Jenkins");
  }

  public Result getResult() {
    throw new UnsupportedOperationException("Run.getResult runs only inside Jenkins");
  }

  public String getFullDisplayName() {
    throw new UnsupportedOperationException("Run.getFullDisplayName runs only inside Jenkins");
  }

  public String getExternalizableId() {
    throw new UnsupportedOperationException("Run.getExternalizableId runs only inside Jenkins");
  }

  public EnvVars getEnvironment(TaskListener listener) throws IOException, InterruptedException {
    throw new UnsupportedOperationException("Run.getEnvironment runs only inside Jenkins");
  }

  @Override
  public void addAction(Action a) {
    throw new UnsupportedOperationException("Run.addAction runs only inside Jenkins");
  }

  public String getUrl() {
    throw new UnsupportedOperationException("Run.getUrl runs only inside Jenkins");
  }
}
