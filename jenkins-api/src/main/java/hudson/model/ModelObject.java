package hudson.model;

/** Compile-only declaration of Jenkins' {@code ModelObject}; see jenkins-api/README.md. */
public interface ModelObject {

  String getDisplayName();
}
