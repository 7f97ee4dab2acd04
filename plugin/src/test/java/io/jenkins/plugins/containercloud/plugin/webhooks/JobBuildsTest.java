package io.jenkins.plugins.containercloud.plugin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.webhook.JobLauncher;
import io.jenkins.plugins.containercloud.webhook.RolloutLauncher;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link JobBuilds}: what a delivery's build gets and how its end is recorded. */
class JobBuildsTest {

  private static final JobLauncher.JobRequest REQUEST =
      new JobLauncher.JobRequest(
          "team/api/deploy",
          Map.of("IMAGE", "reg:5000/team/api:1.2", "TAG", "1.2"),
          "registry",
          "main",
          "9b2f6c1e-58a4-4f57-9d1a-2c7a0d1e3f44",
          "api-pipeline");

  @Test
  void theBuild_getsThePushAndTheDeliveryId_soTwoDeliveriesNeverFoldIntoOneBuild() {
    Map<String, String> first = JobBuilds.parameters(REQUEST);
    Map<String, String> second =
        JobBuilds.parameters(
            new JobLauncher.JobRequest(
                REQUEST.job(),
                REQUEST.parameters(),
                REQUEST.source(),
                REQUEST.hook(),
                "0c3d7a52-1b6e-4f0a-8e55-7d2b9e4c6a10",
                REQUEST.rule()));

    assertThat(first)
        .containsEntry("IMAGE", "reg:5000/team/api:1.2")
        .containsEntry("TAG", "1.2")
        .containsEntry("WEBHOOK_DELIVERY", "9b2f6c1e-58a4-4f57-9d1a-2c7a0d1e3f44");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void theCause_namesTheDelivery() {
    assertThat(
            new WebhookCause("registry", "main", REQUEST.deliveryId(), "api-pipeline")
                .getShortDescription())
        .isEqualTo(
            "Started by webhook delivery 9b2f6c1e-58a4-4f57-9d1a-2c7a0d1e3f44"
                + " (registry hook main, rule api-pipeline)");
  }

  @Test
  void aBuildsResult_isTheTriggersOutcome() {
    assertThat(JobBuilds.ended("team/api/deploy", 7, "SUCCESS"))
        .isEqualTo(new RolloutLauncher.Ended("SUCCEEDED", "team/api/deploy #7 ended SUCCESS"));
    assertThat(JobBuilds.ended("team/api/deploy", 8, "FAILURE"))
        .isEqualTo(new RolloutLauncher.Ended("FAILED", "team/api/deploy #8 ended FAILURE"));
    assertThat(JobBuilds.queued("team/api/deploy", 42))
        .isEqualTo("queued a build of team/api/deploy (queue item 42)");
  }
}
