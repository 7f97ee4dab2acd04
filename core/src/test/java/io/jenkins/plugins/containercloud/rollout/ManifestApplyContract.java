package io.jenkins.plugins.containercloud.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.testing.TargetCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tests for {@link ManifestApply}, run on every {@link TargetCluster}. */
abstract class ManifestApplyContract extends EngineContract {

  static final String MANIFEST =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: catalog-settings
      data:
        greeting: hello
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: catalog
      spec:
        replicas: 2
        selector:
          matchLabels: {app: catalog}
        template:
          metadata:
            labels: {app: catalog}
          spec:
            containers:
            - name: web
              image: 127.0.0.1:5000/testbed/web:v1
            - name: proxy
              image: 127.0.0.1:5000/testbed/proxy:v1
      """;

  @Test
  void apply_createsThenUpdates_substitutingTheImage_andWaitsForTheDeployment() {
    ApplyResult first = apply(MANIFEST, Optional.empty());

    assertThat(first.outcome()).as(first.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    assertThat(first.objects())
        .extracting(AppliedObject::toString)
        .containsExactly("ConfigMap/catalog-settings created", "Deployment/catalog created");

    ApplyResult second =
        apply(MANIFEST, Optional.of(ImageReference.parse(Workloads.IMAGE + ":v2")));

    assertThat(second.outcome()).as(second.reason()).isEqualTo(RolloutOutcome.SUCCEEDED);
    assertThat(second.objects())
        .extracting(AppliedObject::toString)
        .containsExactly("ConfigMap/catalog-settings unchanged", "Deployment/catalog configured");
    assertThat(second.rollouts())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(RolloutOutcome.SUCCEEDED);
              assertThat(r.imageAfter())
                  .contains("web=" + Workloads.IMAGE + ":v2")
                  .contains("proxy=127.0.0.1:5000/testbed/proxy:v1");
            });
    var deployment =
        target()
            .client()
            .apps()
            .deployments()
            .inNamespace(target().namespace())
            .withName("catalog")
            .get();
    assertThat(deployment.getStatus().getUpdatedReplicas()).isEqualTo(2);
    assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getImage())
        .containsExactly(Workloads.IMAGE + ":v2", "127.0.0.1:5000/testbed/proxy:v1");
  }

  @Test
  void badManifests_areRefusedBeforeAnythingIsApplied() {
    assertThatThrownBy(() -> apply("kind: ConfigMap\nmetadata:\n  name: x\n", Optional.empty()))
        .isInstanceOf(InvalidRolloutException.class)
        .hasMessageStartingWith("manifests: app.yaml");
    assertThatThrownBy(
            () ->
                apply(
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n---\n"
                        + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: elsewhere\n"
                        + "  namespace: kube-system\n",
                    Optional.empty()))
        .isInstanceOf(InvalidRolloutException.class)
        .hasMessageContaining("document 2")
        .hasMessageContaining("belongs to namespace kube-system");
    assertThatThrownBy(
            () -> apply(MANIFEST, Optional.of(ImageReference.parse("127.0.0.1:5000/other:v2"))))
        .isInstanceOf(InvalidRolloutException.class)
        .hasMessageStartingWith("image: no container in the manifests runs 127.0.0.1:5000/other");
    assertThat(
            target()
                .client()
                .configMaps()
                .inNamespace(target().namespace())
                .withName("first")
                .get())
        .isNull();
  }

  ApplyResult apply(String yaml, Optional<ImageReference> image) {
    return ManifestApply.apply(
        cluster,
        target().namespace(),
        Map.of("app.yaml", yaml),
        image,
        RolloutParameters.defaults().withProgressTimeout(Duration.ofSeconds(60)),
        "test apply",
        e -> {});
  }
}
