package io.jenkins.plugins.containercloud.rollout;

/** One object of a manifest as the API server took it: created, configured or unchanged. */
public record AppliedObject(String kind, String namespace, String name, String action) {

  @Override
  public String toString() {
    return kind + "/" + name + " " + action;
  }
}
