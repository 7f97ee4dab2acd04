package hudson.model;

/**
 * Compile-only declaration of Jenkins' {@code DescriptorByNameOwner}; see jenkins-api/README.md.
 */
public interface DescriptorByNameOwner extends ModelObject {}
