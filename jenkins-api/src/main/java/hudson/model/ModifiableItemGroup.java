package hudson.model;

/** Compile-only declaration of Jenkins' {@code ModifiableItemGroup}; see jenkins-api/README.md. */
public interface ModifiableItemGroup<T extends Item> extends ItemGroup<T> {}
