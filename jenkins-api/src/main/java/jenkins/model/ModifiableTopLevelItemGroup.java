package jenkins.model;

import hudson.model.ModifiableItemGroup;

/**
 * Compile-only declaration of Jenkins' {@code ModifiableTopLevelItemGroup}; see
 * jenkins-api/README.md.
 */
// Jenkins' extends ModifiableItemGroup<TopLevelItem>; TopLevelItem is not in the reference.
@SuppressWarnings("rawtypes")
public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup {}
