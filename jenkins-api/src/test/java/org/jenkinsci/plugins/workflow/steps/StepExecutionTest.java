package org.jenkinsci.plugins.workflow.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link StepExecution} and {@link SynchronousNonBlockingStepExecution}. */
class StepExecutionTest {

  @Test
  void stop_failsTheContextWithTheCause() throws Exception {
    RecordingContext context = new RecordingContext();
    IllegalStateException cause = new IllegalStateException("aborted by user");

    new PlainExecution(context).stop(cause);

    assertThat(context.failures).containsExactly(cause);
  }

  @Test
  void synchronousExecution_keepsItsContext() throws Exception {
    RecordingContext context = new RecordingContext();
    Execution execution = new Execution(context);

    assertThat(execution.getContext()).isSameAs(context);
    assertThat(execution.run()).isEqualTo("done");
  }

  /** A synchronous execution, as a plugin writes one. */
  private static final class Execution extends SynchronousNonBlockingStepExecution<String> {
    Execution(StepContext context) {
      super(context);
    }

    @Override
    protected String run() {
      return "done";
    }
  }

  /** An execution with StepExecution's own stop. */
  private static final class PlainExecution extends StepExecution {
    PlainExecution(StepContext context) {
      super(context);
    }

    @Override
    public boolean start() {
      return false;
    }
  }

  /** A context that records the failures it is told of. */
  private static final class RecordingContext extends StepContext {
    final List<Throwable> failures = new ArrayList<>();

    @Override
    public <T> T get(Class<T> key) {
      return null;
    }

    @Override
    public void onSuccess(Object result) {}

    @Override
    public void onFailure(Throwable t) {
      failures.add(t);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
      return null;
    }

    @Override
    public void setResult(Result r) {}

    @Override
    public BodyInvoker newBodyInvoker() {
      return null;
    }

    @Override
    public boolean equals(Object o) {
      return o == this;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
