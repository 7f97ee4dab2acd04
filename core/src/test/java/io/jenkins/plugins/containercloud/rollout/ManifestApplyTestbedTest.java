package io.jenkins.plugins.containercloud.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link ManifestApply} on the testbed's real control plane, plus custom resources, which
 * need a real API server's discovery.
 */
class ManifestApplyTestbedTest extends ManifestApplyContract {

  @RegisterExtension static final KubeTestbed TESTBED = new KubeTestbed();

  @Override
  TargetCluster target() {
    return TESTBED;
  }

  @Test
  void manifestTheServerRefuses_failsWithOneSentence_namingTheObjectAndTheServersReason() {
    String selectorMismatch =
        MANIFEST.replace("matchLabels: {app: catalog}", "matchLabels: {app: elsewhere}");

    ApplyResult result = apply(selectorMismatch, Optional.empty());

    assertThat(result.outcome()).isEqualTo(RolloutOutcome.FAILED);
    assertThat(result.reason())
        .startsWith(
            "applying Deployment/catalog in namespace "
                + TESTBED.namespace()
                + " failed: the cluster refused it as invalid (")
        .contains("selector")
        .contains(": fix the manifest")
        .contains("applied before it: [ConfigMap/catalog-settings")
        .doesNotContain("Failure executing")
        .doesNotContain("https://");
  }

  @Test
  void customResources_areAppliedAndReported() {
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName("widgets.testbed.container-cloud.io")
            .endMetadata()
            .withNewSpec()
            .withGroup("testbed.container-cloud.io")
            .withScope("Namespaced")
            .withNewNames()
            .withKind("Widget")
            .withPlural("widgets")
            .withSingular("widget")
            .endNames()
            .addNewVersion()
            .withName("v1")
            .withServed(true)
            .withStorage(true)
            .withNewSchema()
            .withNewOpenAPIV3Schema()
            .withType("object")
            .withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema()
            .endSchema()
            .endVersion()
            .endSpec()
            .build();
    TESTBED
        .client()
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(crd)
        .serverSideApply();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TESTBED
                    .client()
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crd.getMetadata().getName())
                    .get()
                    .getStatus()
                    .getConditions()
                    .stream()
                    .anyMatch(
                        c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())));

    ApplyResult result;
    try (Cluster cluster =
        Cluster.connect(
            ClusterConfig.kubeconfig("testbed", TESTBED.kubeconfig(), null, TESTBED.namespace()))) {
      result =
          ManifestApply.apply(
              cluster,
              TESTBED.namespace(),
              Map.of(
                  "widget.yaml",
                  "apiVersion: testbed.container-cloud.io/v1\nkind: Widget\nmetadata:\n  name: gear\nspec:\n  teeth: 12\n"),
              Optional.empty(),
              RolloutParameters.defaults(),
              "test",
              e -> {});
    }

    assertThat(result.outcome()).as(result.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    assertThat(result.objects())
        .extracting(AppliedObject::toString)
        .containsExactly("Widget/gear created");
  }
}
