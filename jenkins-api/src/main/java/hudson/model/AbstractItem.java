package hudson.model;

import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import org.kohsuke.stapler.HttpDeletable;
import org.kohsuke.stapler.StaplerProxy;

/** Compile-only declaration of Jenkins' {@code AbstractItem}; see jenkins-api/README.md. */
public abstract class AbstractItem extends Actionable
    implements Loadable,
        Item,
        HttpDeletable,
        AccessControlled,
        DescriptorByNameOwner,
        StaplerProxy {

  AbstractItem() {}

  public final String getFullName() {
    throw new UnsupportedOperationException("AbstractItem.getFullName runs only inside Jenkins");
  }
}
