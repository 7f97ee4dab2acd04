package hudson.model;

import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;

/** Compile-only declaration of Jenkins' {@code ItemGroup}; see jenkins-api/README.md. */
public interface ItemGroup<T extends Item>
    extends FullyNamed, FullyNamedModelObject, PersistenceRoot {}
