package jenkins.model;

/**
 * Compile-only declaration of Jenkins' {@code DirectlyModifiableTopLevelItemGroup}; see
 * jenkins-api/README.md.
 */
public interface DirectlyModifiableTopLevelItemGroup extends ModifiableTopLevelItemGroup {}
