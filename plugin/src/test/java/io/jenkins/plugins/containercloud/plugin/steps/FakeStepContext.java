package io.jenkins.plugins.containercloud.plugin.steps;

import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step context holding a few context objects; the steps under test take theirs from a host. Tests
 * that run an execution as Jenkins does (result reported through the context) hand in a consumer of
 * the result or failure; the others call {@code run()} directly, and a report is a mistake.
 */
final class FakeStepContext extends StepContext {

  private static final long serialVersionUID = 1L;

  private final transient Map<Class<?>, Object> objects = new HashMap<>();
  private final transient Consumer<Object> outcomes;

  FakeStepContext() {
    this(null);
  }

  FakeStepContext(Consumer<Object> outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public <T> T get(Class<T> key) {
    return key.cast(objects.get(key));
  }

  @Override
  public void onSuccess(Object result) {
    if (outcomes != null) {
      outcomes.accept(result);
      return;
    }
    throw new AssertionError("synchronous executions return their result from run()");
  }

  @Override
  public void onFailure(Throwable t) {
    if (outcomes != null) {
      outcomes.accept(t);
      return;
    }
    throw new AssertionError("synchronous executions throw from run()", t);
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public ListenableFuture<Void> saveState() {
    throw new UnsupportedOperationException("no program state to save in unit tests");
  }

  @Override
  public void setResult(Result r) {
    throw new UnsupportedOperationException("steps report failures by throwing");
  }

  @Override
  public BodyInvoker newBodyInvoker() {
    throw new IllegalStateException("these steps take no body");
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
