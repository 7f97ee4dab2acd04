package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.Named;
import jenkins.util.io.OnMaster;

/** Compile-only declaration of Jenkins' {@code Item}; see jenkins-api/README.md. */
public interface Item
    extends PersistenceRoot,
        FullyNamedModelObject,
        SearchableModelObject,
        FullyNamed,
        Named,
        AccessControlled,
        OnMaster {

  // Null: outside Jenkins there are no permissions (the reference lists no way to make one).
  Permission READ = null;

  Permission BUILD = null;

  Permission CONFIGURE = null;

  String getFullName();
}
