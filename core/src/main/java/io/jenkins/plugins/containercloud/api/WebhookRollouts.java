package io.jenkins.plugins.containercloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutStart;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutView;
import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.Trigger;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import io.jenkins.plugins.containercloud.webhook.RolloutLauncher;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Webhook triggers rolled out through the dashboard's {@link LiveRollouts}: validated like a
 * rollout started on the Rollouts page, shown live there, and recorded with the delivery as
 * trigger.
 */
public final class WebhookRollouts implements RolloutLauncher {

  /** How long a trigger waits for its cluster to connect before it fails. */
  static final Duration CLUSTER_WAIT = Duration.ofMinutes(5);

  private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

  private final LiveRollouts rollouts;
  private final Deployments deployments;

  public WebhookRollouts(LiveRollouts rollouts, Deployments deployments) {
    this.rollouts = rollouts;
    this.deployments = deployments;
  }

  @Override
  public Ended run(WebhookTriggerRow t, String image, String deploymentId) {
    RolloutStart start;
    try {
      JsonNode p = DashboardJson.MAPPER.readTree(t.parameters());
      start =
          new RolloutStart(
              t.cluster(),
              t.namespace(),
              t.kind(),
              t.name(),
              t.container(),
              image,
              p.hasNonNull("maxSurge") ? p.get("maxSurge").asText() : null,
              p.hasNonNull("maxUnavailable") ? p.get("maxUnavailable").asText() : null,
              p.hasNonNull("timeoutSeconds") ? p.get("timeoutSeconds").asInt() : null);
    } catch (IOException e) {
      return new Ended("FAILED", "the trigger's rollout parameters are not JSON");
    }
    try {
      RolloutView end = start(start, t, deploymentId).get();
      return new Ended(end.state(), end.reason());
    } catch (ApiException e) {
      return new Ended("FAILED", "refused: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("the server is stopping");
    } catch (ExecutionException e) {
      return new Ended("FAILED", String.valueOf(e.getCause()));
    }
  }

  /**
   * Starts the rollout; while its cluster is not connected (503: the server has just started, or
   * the cluster is unreachable for a while) waits and tries again, up to {@link #CLUSTER_WAIT}:
   * nothing was recorded yet, so trying again under the same id runs it once.
   */
  private CompletableFuture<RolloutView> start(
      RolloutStart start, WebhookTriggerRow t, String deploymentId) throws InterruptedException {
    long deadline = System.nanoTime() + CLUSTER_WAIT.toNanos();
    while (true) {
      try {
        return rollouts.startFor(start, Trigger.webhook(t.deliveryId()), deploymentId);
      } catch (ApiException e) {
        if (e.status() != 503 || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(RETRY_EVERY.toMillis());
      }
    }
  }

  @Override
  public Optional<String> recordedOutcome(String deploymentId) {
    return deployments.find(deploymentId).map(DeploymentRecord::outcome).map(Enum::name);
  }
}
