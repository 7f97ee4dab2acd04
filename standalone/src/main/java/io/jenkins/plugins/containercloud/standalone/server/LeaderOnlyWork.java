package io.jenkins.plugins.containercloud.standalone.server;

import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.cluster.LeaderLease;
import io.jenkins.plugins.containercloud.webhook.WebhookProcessor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of {@code serve} that must run in one replica only: the node-pool autoscalers and the
 * processing of stored webhook deliveries. Started when this replica starts leading, stopped when
 * it stops; every replica keeps serving the API, the dashboard and the webhook intake (deliveries a
 * follower stores reach the leader's processor, which polls the history for pending triggers).
 */
final class LeaderOnlyWork implements LeaderLease.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderOnlyWork.class);

  private final Scaling scaling;
  private final Supplier<WebhookProcessor> processors;
  private WebhookProcessor processor;
  private boolean closed;

  LeaderOnlyWork(Scaling scaling, Supplier<WebhookProcessor> processors) {
    this.scaling = scaling;
    this.processors = processors;
  }

  /**
   * Starts the autoscalers (each first repeats the scale-ups left unfinished) and a new webhook
   * processor (it first finishes the triggers left RUNNING, then claims pending ones).
   */
  @Override
  public synchronized void startedLeading() {
    if (closed || processor != null) {
      return;
    }
    scaling.start();
    processor = processors.get();
    processor.start();
    LOG.info("running the autoscalers and the webhook processing");
  }

  @Override
  public synchronized void stoppedLeading() {
    scaling.stop();
    if (processor != null) {
      // Rollouts it runs are interrupted and stay RUNNING: the next leader's start copies their
      // recorded outcome, or ends them INTERRUPTED — never runs them twice.
      processor.close();
      processor = null;
      LOG.info("stopped the autoscalers and the webhook processing");
    }
  }

  /** A delivery was stored here: the processor looks now rather than at its next poll. */
  void wake() {
    WebhookProcessor p;
    synchronized (this) {
      p = processor;
    }
    if (p != null) {
      p.wake();
    }
  }

  @Override
  public synchronized void close() {
    stoppedLeading();
    closed = true;
  }
}
