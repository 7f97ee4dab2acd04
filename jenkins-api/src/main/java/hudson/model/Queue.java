package hudson.model;

import hudson.model.queue.QueueTaskFuture;
import jenkins.console.WithConsoleUrl;
import jenkins.model.queue.QueueItem;

/** Compile-only declaration of Jenkins' {@code Queue}; see jenkins-api/README.md. */
// Not in the reference: declared only because Queue.Item, which is, is nested in it.
public class Queue {

  private Queue() {}

  /** Compile-only declaration of Jenkins' {@code Queue.Item}; see jenkins-api/README.md. */
  public abstract static class Item extends Actionable implements QueueItem {

    private Item() {}

    public long getId() {
      throw new UnsupportedOperationException("Queue.Item.getId runs only inside Jenkins");
    }

    public QueueTaskFuture<Executable> getFuture() {
      throw new UnsupportedOperationException("Queue.Item.getFuture runs only inside Jenkins");
    }
  }

  /** Compile-only declaration of Jenkins' {@code Queue.Executable}; see jenkins-api/README.md. */
  public interface Executable extends Runnable, WithConsoleUrl {}

  /** Compile-only declaration of Jenkins' {@code Queue.QueueAction}; see jenkins-api/README.md. */
  public interface QueueAction extends Action {}
}
