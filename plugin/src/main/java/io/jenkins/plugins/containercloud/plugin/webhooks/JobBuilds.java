package io.jenkins.plugins.containercloud.plugin.webhooks;

import io.jenkins.plugins.containercloud.webhook.JobLauncher;
import io.jenkins.plugins.containercloud.webhook.RolloutLauncher;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Jenkins-free part of starting a job for a delivery: its String parameters, its cause's text,
 * what the trigger row records, and how a build's result reads as a trigger's outcome.
 */
final class JobBuilds {

  /**
   * The parameter that carries the delivery id. Jenkins' queue folds a new item into a queued one
   * of the same job when no queue action asks for a new build, and {@code ParametersAction} asks
   * for one only when the parameters differ; two deliveries of the same image would be equal
   * without it. (Jobs that do not define it do not see it in their environment; the queue compares
   * it all the same.)
   */
  static final String DELIVERY_PARAMETER = "WEBHOOK_DELIVERY";

  private JobBuilds() {}

  /** The build's String parameters: the push's, and the delivery id. */
  static Map<String, String> parameters(JobLauncher.JobRequest request) {
    Map<String, String> parameters = new LinkedHashMap<>(request.parameters());
    parameters.put(DELIVERY_PARAMETER, request.deliveryId());
    return parameters;
  }

  /** The cause on the build page: "Started by webhook delivery ID (hook registry/main, ...)". */
  static String causeText(String source, String hook, String deliveryId, String rule) {
    return "Started by webhook delivery "
        + deliveryId
        + " ("
        + source
        + " hook "
        + hook
        + ", rule "
        + rule
        + ")";
  }

  /** What the trigger row records of a queued build. */
  static String queued(String job, long queueId) {
    return "queued a build of " + job + " (queue item " + queueId + ")";
  }

  /** A build's end as a trigger's outcome: SUCCEEDED for SUCCESS, else FAILED naming the result. */
  static RolloutLauncher.Ended ended(String job, int number, String result) {
    String reason = job + " #" + number + " ended " + result;
    return new RolloutLauncher.Ended("SUCCESS".equals(result) ? "SUCCEEDED" : "FAILED", reason);
  }
}
