package hudson.model;

import hudson.search.SearchableModelObject;

/** Compile-only declaration of Jenkins' {@code AbstractModelObject}; see jenkins-api/README.md. */
public abstract class AbstractModelObject implements SearchableModelObject {

  AbstractModelObject() {}
}
