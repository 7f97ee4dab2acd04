package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/** Compile-only declaration of Jenkins' {@code GlobalConfiguration}; see jenkins-api/README.md. */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
    implements ExtensionPoint, Describable<GlobalConfiguration> {

  @SuppressWarnings("unchecked") // self() is raw, as in Jenkins
  protected GlobalConfiguration() {
    super(self());
  }

  @Override
  public boolean configure(StaplerRequest2 req, JSONObject json) throws Descriptor.FormException {
    throw new UnsupportedOperationException(
        "GlobalConfiguration.configure runs only inside Jenkins");
  }

  @Override
  public final Descriptor<GlobalConfiguration> getDescriptor() {
    return this;
  }
}
