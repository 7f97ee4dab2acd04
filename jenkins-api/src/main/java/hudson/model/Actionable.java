package hudson.model;

import jenkins.model.ModelObjectWithContextMenu;

/** Compile-only declaration of Jenkins' {@code Actionable}; see jenkins-api/README.md. */
public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {

  Actionable() {}

  public void addAction(Action a) {
    throw new UnsupportedOperationException("Actionable.addAction runs only inside Jenkins");
  }

  public <T extends Action> T getAction(Class<T> type) {
    throw new UnsupportedOperationException("Actionable.getAction runs only inside Jenkins");
  }
}
