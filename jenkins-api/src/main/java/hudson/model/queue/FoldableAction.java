package hudson.model.queue;

import hudson.model.Action;

/** Compile-only declaration of Jenkins' {@code FoldableAction}; see jenkins-api/README.md. */
public interface FoldableAction extends Action {}
