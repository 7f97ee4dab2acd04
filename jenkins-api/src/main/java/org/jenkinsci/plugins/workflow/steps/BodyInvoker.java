package org.jenkinsci.plugins.workflow.steps;

/** Compile-only declaration of Jenkins' {@code BodyInvoker}; see jenkins-api/README.md. */
public abstract class BodyInvoker {

  private BodyInvoker() {}
}
