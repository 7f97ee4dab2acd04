package hudson.model;

/** Compile-only declaration of Jenkins' {@code Action}; see jenkins-api/README.md. */
public interface Action extends ModelObject {

  String getIconFileName();

  @Override
  String getDisplayName();

  String getUrlName();
}
