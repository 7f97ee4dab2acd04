package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The second phase of a rolling update: the old controller marked and relabelled, the new one
 * created.
 */
final class RollingUpdateSetUp {

  private final Cluster cluster;
  private final WorkloadTarget target;
  private final ReplicationControllers controllers;
  private final RolloutReporter reporter;

  RollingUpdateSetUp(RollingUpdateContext context) {
    this.cluster = context.cluster();
    this.target = context.target();
    this.controllers = context.controllers();
    this.reporter = context.reporter();
  }

  /** Annotates (and if need be relabels) the old controller and creates the new one at 0. */
  void setUp(UpdatePlan plan) throws InterruptedException, TimeoutException {
    ReplicationController old = plan.oldController();
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(Annotations.NEXT_CONTROLLER, plan.newName());
    annotations.put(Annotations.ORIGINAL_REPLICAS, Integer.toString(plan.original()));
    controllers.annotate(plan.oldName(), annotations);
    Map<String, String> selector = old.getSpec().getSelector();
    String deploymentValue;
    if (selector.containsKey(Annotations.DEPLOYMENT_LABEL)) {
      deploymentValue = selector.get(Annotations.DEPLOYMENT_LABEL);
    } else {
      deploymentValue = TemplateHash.of(old.getSpec().getTemplate()) + "-orig";
      relabel(plan, deploymentValue);
    }
    if (plan.newExists()) {
      reporter.step("Continuing the update with existing controller " + plan.newName());
      return;
    }
    Map<String, String> newSelector = new LinkedHashMap<>(selector);
    newSelector.put(Annotations.DEPLOYMENT_LABEL, plan.newHash());
    PodTemplateSpec template = TemplateLabels.copy(old.getSpec().getTemplate());
    template.getMetadata().getLabels().put(Annotations.DEPLOYMENT_LABEL, plan.newHash());
    for (int i : plan.containers()) {
      var container = template.getSpec().getContainers().get(i);
      container.setImage(plan.imagesAfter().get(container.getName()));
    }
    Map<String, String> newAnnotations = new LinkedHashMap<>();
    newAnnotations.put(Annotations.SOURCE_ID, plan.sourceId());
    newAnnotations.put(Annotations.DESIRED_REPLICAS, Integer.toString(plan.desired()));
    ReplicationController created =
        new ReplicationControllerBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName(plan.newName())
                    .withLabels(old.getMetadata().getLabels())
                    .withAnnotations(newAnnotations)
                    .build())
            .withNewSpec()
            .withReplicas(0)
            .withMinReadySeconds(old.getSpec().getMinReadySeconds())
            .withSelector(newSelector)
            .withTemplate(template)
            .endSpec()
            .build();
    controllers.create(created);
    reporter.step(
        "Created controller "
            + plan.newName()
            + " for "
            + PodTemplates.describe(plan.imagesAfter()));
  }

  /**
   * Gives the old controller and its pods the label {@code deployment=<hash>-orig} so that old and
   * new pods are told apart, without the old controller losing or recreating any pod.
   */
  private void relabel(UpdatePlan plan, String value) {
    String name = plan.oldName();
    reporter.step(
        "Labelling " + name + " and its pods " + Annotations.DEPLOYMENT_LABEL + "=" + value);
    Map<String, String> originalSelector = plan.oldController().getSpec().getSelector();
    controllers.patch(
        name,
        Map.of(
            "spec",
            Map.of(
                "template",
                Map.of(
                    "metadata", Map.of("labels", Map.of(Annotations.DEPLOYMENT_LABEL, value))))));
    List<Pod> unlabelled =
        podsSelectedBy(originalSelector).stream()
            .filter(pod -> !value.equals(TemplateLabels.of(pod).get(Annotations.DEPLOYMENT_LABEL)))
            .toList();
    controllers.labelPods(unlabelled, Annotations.DEPLOYMENT_LABEL, value);
    controllers.patch(
        name, Map.of("spec", Map.of("selector", Map.of(Annotations.DEPLOYMENT_LABEL, value))));
    // A pod the controller created from the old template while we relabelled would now be
    // unmanaged; delete it as kubectl did (it cannot be Ready yet, so availability is unaffected).
    for (Pod pod : podsSelectedBy(originalSelector)) {
      if (!value.equals(TemplateLabels.of(pod).get(Annotations.DEPLOYMENT_LABEL))) {
        cluster
            .client()
            .pods()
            .inNamespace(target.namespace())
            .withName(pod.getMetadata().getName())
            .delete();
      }
    }
  }

  /** A fresh list from the API server, not the cache: the relabelling must see every pod. */
  private List<Pod> podsSelectedBy(Map<String, String> selector) {
    return cluster
        .client()
        .pods()
        .inNamespace(target.namespace())
        .withLabels(selector)
        .list()
        .getItems();
  }
}
