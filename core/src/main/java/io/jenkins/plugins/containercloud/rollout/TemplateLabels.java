package io.jenkins.plugins.containercloud.rollout;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pod templates copied for editing, and the labels of templates and pods (never null). */
final class TemplateLabels {

  private TemplateLabels() {}

  /** A deep copy whose labels may be changed. */
  static PodTemplateSpec copy(PodTemplateSpec template) {
    PodTemplateSpec copy =
        Serialization.unmarshal(Serialization.asJson(template), PodTemplateSpec.class);
    if (copy.getMetadata() == null) {
      copy.setMetadata(new ObjectMetaBuilder().build());
    }
    if (copy.getMetadata().getLabels() == null) {
      copy.getMetadata().setLabels(new LinkedHashMap<>());
    } else {
      copy.getMetadata().setLabels(new LinkedHashMap<>(copy.getMetadata().getLabels()));
    }
    return copy;
  }

  static Map<String, String> of(PodTemplateSpec template) {
    return template.getMetadata() == null || template.getMetadata().getLabels() == null
        ? Map.of()
        : template.getMetadata().getLabels();
  }

  static Map<String, String> of(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }
}
