package hudson.model;

import jenkins.model.queue.QueueItem;

/** Compile-only declaration of Jenkins' {@code Queue}; see jenkins-api/README.md. */
// Not in the reference: declared only because Queue.Item, which is, is nested in it.
public class Queue {

  private Queue() {}

  /** Compile-only declaration of Jenkins' {@code Queue.Item}; see jenkins-api/README.md. */
  public abstract static class Item extends Actionable implements QueueItem {

    private Item() {}
  }
}
