package hudson.model;

import hudson.model.queue.FoldableAction;
import jenkins.model.RunAction2;

/** Compile-only declaration of Jenkins' {@code CauseAction}; see jenkins-api/README.md. */
public class CauseAction implements FoldableAction, RunAction2 {

  public CauseAction(Cause... c) {}

  public CauseAction(Cause c) {}

  // The five below are required of a concrete Action; Jenkins' CauseAction declares them too.
  @Override
  public String getIconFileName() {
    throw new UnsupportedOperationException("CauseAction.getIconFileName runs only inside Jenkins");
  }

  @Override
  public String getDisplayName() {
    throw new UnsupportedOperationException("CauseAction.getDisplayName runs only inside Jenkins");
  }

  @Override
  public String getUrlName() {
    throw new UnsupportedOperationException("CauseAction.getUrlName runs only inside Jenkins");
  }

  @Override
  public void onAttached(Run<?, ?> owner) {
    throw new UnsupportedOperationException("CauseAction.onAttached runs only inside Jenkins");
  }

  @Override
  public void onLoad(Run<?, ?> owner) {
    throw new UnsupportedOperationException("CauseAction.onLoad runs only inside Jenkins");
  }
}
