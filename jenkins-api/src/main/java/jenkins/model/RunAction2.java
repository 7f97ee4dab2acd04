package jenkins.model;

import hudson.model.Action;

/** Compile-only declaration of Jenkins' {@code RunAction2}; see jenkins-api/README.md. */
public interface RunAction2 extends Action {}
