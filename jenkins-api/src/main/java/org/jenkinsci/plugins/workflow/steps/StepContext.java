package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/** Compile-only declaration of Jenkins' {@code StepContext}; see jenkins-api/README.md. */
public abstract class StepContext implements FutureCallback<Object>, Serializable {

  public StepContext() {}

  public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

  @Override
  public abstract void onSuccess(Object result);

  public abstract boolean isReady();

  public abstract ListenableFuture<Void> saveState();

  public abstract void setResult(Result r);

  public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

  @Override
  public abstract boolean equals(Object o);

  @Override
  public abstract int hashCode();
}
