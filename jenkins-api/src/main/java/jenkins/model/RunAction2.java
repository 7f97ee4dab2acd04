package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Compile-only declaration of Jenkins' {@code RunAction2}; see jenkins-api/README.md. */
public interface RunAction2 extends Action {

  void onAttached(Run<?, ?> r);

  void onLoad(Run<?, ?> r);
}
