package io.jenkins.plugins.containercloud.plugin.pools;

import io.jenkins.plugins.containercloud.api.ApiException;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.ScalingLog;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node-pool autoscalers of the controller, Jenkins-free: started once the configuration is
 * loaded ({@link #start}), made anew when what they are made from changes ({@link #reconfigure}:
 * the old ones stop before the new ones start, so two never act on one pool), stopped on {@link
 * #stop}. Between those, {@link #scaling()} is what the pages and steps use.
 */
public final class AutoscalerHost {

  private static final Logger LOG = Logger.getLogger(AutoscalerHost.class.getName());

  /** The autoscalers of one configuration and what they hold open. */
  public interface Generation extends AutoCloseable {

    Scaling scaling();

    /** Stops the autoscalers and releases what they held (connections, secrets, history). */
    @Override
    void close();
  }

  /** The one host of this Jenkins. */
  public static final AutoscalerHost INSTANCE = new AutoscalerHost();

  private boolean started;
  private String key;
  private Supplier<Generation> factory;
  private Generation current;
  private String failure;
  private Scaling none;

  /**
   * Starts the autoscalers {@code factory} makes (none when {@code key} is null: no pool is
   * configured), or only remembers them until {@link #start}.
   */
  public synchronized void reconfigure(String key, Supplier<Generation> factory) {
    if (started && current != null && key != null && key.equals(this.key)) {
      return; // the same pools: the running autoscalers go on
    }
    this.key = key;
    this.factory = factory;
    if (started) {
      restart();
    }
  }

  /** Starts the autoscalers of the configuration given last (the configuration is loaded). */
  public synchronized void start() {
    started = true;
    restart();
  }

  /** Stops the autoscalers (Jenkins shuts down); their machines stay. */
  public synchronized void stop() {
    started = false;
    close(current);
    current = null;
  }

  /** Whether autoscalers run now. */
  public synchronized boolean running() {
    return current != null;
  }

  /**
   * The autoscalers running now.
   *
   * @throws ApiException 503 when none runs, saying why
   */
  public synchronized Scaling scaling() {
    if (current != null) {
      return current.scaling();
    }
    if (started && failure == null && key == null) {
      return none(); // no pool: the Scaling page says so, a step names the pool it lacks
    }
    throw new ApiException(
        503,
        !started
            ? "the autoscaler has not started: Jenkins is starting or stopping"
            : "the autoscaler cannot start: " + failure,
        null);
  }

  private Scaling none() {
    if (none == null) {
      none =
          new Scaling(
              List.of(),
              cluster -> {
                throw new IllegalStateException("no pool, no cluster to connect");
              },
              (pool, owner) -> {
                throw new IllegalStateException("no pool, no provider");
              },
              ScalingLog.inMemory(),
              Clock.systemUTC(),
              Autoscaler.Timing.DEFAULT);
    }
    return none;
  }

  private void restart() {
    close(current);
    current = null;
    failure = null;
    if (key == null || factory == null) {
      return;
    }
    try {
      current = factory.get();
      current.scaling().start();
    } catch (RuntimeException e) {
      failure = e.getMessage();
      if (current != null) {
        close(current);
        current = null;
      }
      LOG.log(Level.WARNING, "Container Cloud: the autoscaler cannot start: {0}", failure);
    }
  }

  private static void close(Generation generation) {
    if (generation != null) {
      try {
        generation.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Container Cloud: stopping the autoscaler failed", e);
      }
    }
  }
}
