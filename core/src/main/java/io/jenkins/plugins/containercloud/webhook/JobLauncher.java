package io.jenkins.plugins.containercloud.webhook;

import java.util.Map;

/**
 * How the processor starts jobs for rules that name them ({@link JobTarget}): the host's build
 * queue (in Jenkins, a Pipeline job's build with String parameters and a cause that names the
 * delivery). Hosts without jobs have none.
 */
public interface JobLauncher {

  /**
   * Queues one build of {@code request.job()}; each call its own build (the parameters carry the
   * delivery id, so the queue never folds two deliveries into one).
   *
   * @throws IllegalArgumentException saying why the job cannot be started (no such job, not
   *     parameterized, disabled); the trigger fails with that reason
   */
  Queued queue(JobRequest request);

  /** One build to start: the job, its String parameters and the delivery that asks for it. */
  record JobRequest(
      String job,
      Map<String, String> parameters,
      String source,
      String hook,
      String deliveryId,
      String rule) {

    public JobRequest {
      parameters = Map.copyOf(parameters);
    }
  }

  /** A queued build. */
  interface Queued {

    /** What was queued, for the trigger's row: the job and its queue item. */
    String describe();

    /**
     * Waits until the build ends (or leaves the queue without one).
     *
     * @return SUCCEEDED or FAILED, and which build it was
     */
    RolloutLauncher.Ended awaitEnd() throws InterruptedException;
  }
}
