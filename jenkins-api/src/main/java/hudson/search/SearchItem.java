package hudson.search;

/** Compile-only declaration of Jenkins' {@code SearchItem}; see jenkins-api/README.md. */
public interface SearchItem {}
