package io.jenkins.plugins.containercloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutStart;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutView;
import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.Trigger;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import io.jenkins.plugins.containercloud.webhook.RolloutLauncher;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * Webhook triggers rolled out through the dashboard's {@link LiveRollouts}: validated like a
 * rollout started on the Rollouts page, shown live there, and recorded with the delivery as
 * trigger.
 */
public final class WebhookRollouts implements RolloutLauncher {

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
      RolloutView end =
          rollouts.startFor(start, Trigger.webhook(t.deliveryId()), deploymentId).get();
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

  @Override
  public Optional<String> recordedOutcome(String deploymentId) {
    return deployments.find(deploymentId).map(DeploymentRecord::outcome).map(Enum::name);
  }
}
