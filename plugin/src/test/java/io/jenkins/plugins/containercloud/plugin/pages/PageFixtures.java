package io.jenkins.plugins.containercloud.plugin.pages;

import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.Bootstrap;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeTemplate;
import io.jenkins.plugins.containercloud.scale.ProviderSettings;
import io.jenkins.plugins.containercloud.scale.Resources;
import io.jenkins.plugins.containercloud.scale.ScalingLog;
import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.JobTarget;
import io.jenkins.plugins.containercloud.webhook.TriggerRule;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import io.jenkins.plugins.containercloud.webhook.WebhookSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** What the Scaling and Webhooks pages' tests serve: a pool and a hook, as Jenkins would hold. */
final class PageFixtures {

  /** The registry hook's expected {@code Authorization} value. */
  static final String AUTH = "Bearer reg";

  private PageFixtures() {}

  /** One pool, {@code workers}, whose cluster never connects: its autoscaler shows as stopped. */
  static Scaling unconnectedPool() {
    return new Scaling(
        List.of(
            new NodePool(
                "workers",
                "prod",
                new ProviderSettings("command", Map.of("command", "true")),
                new NodeTemplate(
                    new Resources(4000, 16L << 30, 110), Map.of(), List.of(), null, null, null),
                0,
                3,
                3,
                null,
                0.5,
                null,
                new Bootstrap("#!/bin/sh\n", "", null))),
        cluster -> {
          throw new IllegalStateException("not connected");
        },
        (pool, owner) -> {
          throw new IllegalStateException("no provider in this test");
        },
        ScalingLog.inMemory(),
        Clock.systemUTC(),
        Autoscaler.Timing.DEFAULT);
  }

  /** A registry hook {@code main} whose rule starts the job {@code team/web/main}. */
  static WebhookIntake registryHook(WebhookHistory history) {
    TriggerRule rule =
        TriggerRule.startingJobs(
            "ci", "team/*", null, null, new JobTarget(List.of("team/web/main"), false, false));
    return new WebhookIntake(
        List.of(HookSettings.of("main", WebhookSource.REGISTRY, AUTH, null, List.of(rule))),
        history,
        Clock.systemUTC(),
        () -> {});
  }

  /** Sends {@code team/web:1.0} to the hook and returns the stored delivery's id. */
  static String pushTeamWeb(WebhookIntake intake) {
    String body =
        "{\"events\":[{\"id\":\"w-1\",\"action\":\"push\",\"target\":{\"mediaType\":"
            + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:"
            + "0".repeat(64)
            + "\",\"repository\":\"team/web\",\"tag\":\"1.0\"},\"request\":{\"host\":"
            + "\"registry.example.com:5000\"}}]}";
    return intake
        .receive(
            "registry",
            "main",
            Map.of(
                "Authorization",
                List.of(AUTH),
                "Content-Type",
                List.of("application/vnd.docker.distribution.events.v2+json")),
            new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
            null)
        .body()
        .path("delivery")
        .asText();
  }
}
