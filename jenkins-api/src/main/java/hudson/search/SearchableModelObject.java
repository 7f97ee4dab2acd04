package hudson.search;

import hudson.model.ModelObject;

/**
 * Compile-only declaration of Jenkins' {@code SearchableModelObject}; see jenkins-api/README.md.
 */
public interface SearchableModelObject extends ModelObject, SearchItem {}
