package hudson.model;

import hudson.security.AccessControlled;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

/** Compile-only declaration of Jenkins' {@code AbstractCIBase}; see jenkins-api/README.md. */
// Jenkins' is an ItemGroup<TopLevelItem>; TopLevelItem is not in the reference, hence the raw type.
@SuppressWarnings("rawtypes")
public abstract class AbstractCIBase extends Node
    implements ItemGroup,
        StaplerProxy,
        StaplerFallback,
        ViewGroup,
        AccessControlled,
        DescriptorByNameOwner {

  // Not in the reference, which lists no constructor: Jenkins, in another package, must call one.
  // Jenkins' own is public; protected is the least a subclass elsewhere needs.
  protected AbstractCIBase() {}
}
