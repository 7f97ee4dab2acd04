package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import jenkins.util.io.OnMaster;

/** Compile-only declaration of Jenkins' {@code Node}; see jenkins-api/README.md. */
public abstract class Node extends AbstractModelObject
    implements ReconfigurableDescribable<Node>,
        ExtensionPoint,
        AccessControlled,
        OnMaster,
        PersistenceRoot {

  Node() {}
}
