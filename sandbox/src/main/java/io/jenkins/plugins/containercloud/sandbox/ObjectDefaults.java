package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Set;

/**
 * What the real API server does to an object on its way in: the defaults of the workload kinds, the
 * status a new object starts with, names from {@code generateName}, and the validation rules the
 * simulated controllers depend on.
 */
final class ObjectDefaults {

  /** Resources whose status is written only through their status subresource. */
  static final Set<String> STATUS_SUBRESOURCE =
      Set.of(
          "pods",
          "nodes",
          "namespaces",
          "services",
          "replicationcontrollers",
          "replicasets",
          "deployments",
          "statefulsets",
          "daemonsets",
          "jobs",
          "persistentvolumeclaims",
          "persistentvolumes");

  /** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ObjectDefaults() {}

  /** Prepares a new object: name, initial status, defaults, validation. */
  static void onCreate(RequestPath path, ObjectNode object) {
    ObjectNode metadata = Json.with(object, "metadata");
    String generateName = Json.text(metadata, "generateName");
    if (Json.text(metadata, "name") == null && generateName != null) {
      metadata.put("name", generateName + randomSuffix());
    }
    if (STATUS_SUBRESOURCE.contains(path.plural()) && !path.isCore("nodes")) {
      object.set("status", initialStatus(path, object));
    }
    onWrite(path, object, null);
  }

  /** Defaults and validation on every write of the object itself (create, update, patch). */
  static void onWrite(RequestPath path, ObjectNode object, JsonNode current) {
    if (path.isCore("replicationcontrollers")) {
      defaultReplicationController(object);
      validateReplicationControllerSelector(path, object);
    } else if (path.isApps("replicasets")) {
      defaultReplicas(object);
      validateSelector(path, object, current);
    } else if (path.isApps("deployments")) {
      defaultDeployment(path, object);
      validateSelector(path, object, current);
    }
  }

  private static JsonNode initialStatus(RequestPath path, ObjectNode object) {
    ObjectNode status = Json.object();
    if (path.isCore("pods")) {
      status.put("phase", "Pending").put("qosClass", QosClass.of(object.path("spec")));
    } else if (path.isCore("namespaces")) {
      status.put("phase", "Active");
    } else if (path.isCore("replicationcontrollers") || path.isApps("replicasets")) {
      status.put("replicas", 0);
    }
    return status;
  }

  private static void defaultReplicationController(ObjectNode rc) {
    defaultReplicas(rc);
    ObjectNode spec = Json.with(rc, "spec");
    JsonNode templateLabels = spec.path("template").path("metadata").path("labels");
    if (templateLabels.isObject() && templateLabels.size() > 0) {
      if (spec.path("selector").size() == 0) {
        spec.set("selector", templateLabels.deepCopy());
      }
      ObjectNode metadata = Json.with(rc, "metadata");
      if (metadata.path("labels").size() == 0) {
        metadata.set("labels", templateLabels.deepCopy());
      }
    }
  }

  /** A core/v1 selector is a label map that the template's labels must contain. */
  private static void validateReplicationControllerSelector(RequestPath path, ObjectNode rc) {
    JsonNode selector = rc.path("spec").path("selector");
    JsonNode labels = rc.path("spec").path("template").path("metadata").path("labels");
    for (var it = selector.fields(); it.hasNext(); ) {
      var entry = it.next();
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        throw invalid(
            path,
            rc,
            "spec.template.metadata.labels: Invalid value: "
                + labels
                + ": `selector` does not match template `labels`");
      }
    }
  }

  private static void defaultReplicas(ObjectNode object) {
    ObjectNode spec = Json.with(object, "spec");
    if (!spec.hasNonNull("replicas")) {
      spec.put("replicas", 1);
    }
  }

  private static void defaultDeployment(RequestPath path, ObjectNode deployment) {
    defaultReplicas(deployment);
    ObjectNode spec = Json.with(deployment, "spec");
    ObjectNode strategy = Json.with(spec, "strategy");
    if (!strategy.hasNonNull("type")) {
      strategy.put("type", "RollingUpdate");
    }
    if (strategy.get("type").asText().equals("RollingUpdate")) {
      ObjectNode rolling = Json.with(strategy, "rollingUpdate");
      if (!rolling.hasNonNull("maxSurge")) {
        rolling.put("maxSurge", "25%");
      }
      if (!rolling.hasNonNull("maxUnavailable")) {
        rolling.put("maxUnavailable", "25%");
      }
    } else if (strategy.has("rollingUpdate")) {
      throw invalid(
          path,
          deployment,
          "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is"
              + " '"
              + strategy.get("type").asText()
              + "'");
    }
    if (!spec.hasNonNull("revisionHistoryLimit")) {
      spec.put("revisionHistoryLimit", 10);
    }
    if (!spec.hasNonNull("progressDeadlineSeconds")) {
      spec.put("progressDeadlineSeconds", 600);
    }
  }

  /** apps/v1 selectors are required, must select the template, and never change. */
  private static void validateSelector(RequestPath path, ObjectNode object, JsonNode current) {
    JsonNode selector = object.path("spec").path("selector");
    if (selector.isMissingNode() || selector.size() == 0) {
      throw invalid(path, object, "spec.selector: Required value");
    }
    JsonNode templateLabels = object.path("spec").path("template").path("metadata").path("labels");
    if (!LabelSelectors.matches(selector, templateLabels)) {
      throw invalid(
          path,
          object,
          "spec.template.metadata.labels: Invalid value: `selector` does not match template"
              + " `labels`");
    }
    if (current != null && !selector.equals(current.path("spec").path("selector"))) {
      throw invalid(path, object, "spec.selector: Invalid value: field is immutable");
    }
  }

  private static ApiException invalid(RequestPath path, JsonNode object, String detail) {
    String kind = Json.text(object, "kind");
    String name = Json.text(object, "metadata", "name");
    return new ApiException(
        422,
        "Invalid",
        kind
            + (path.group().isEmpty() ? "" : "." + path.group())
            + " \""
            + name
            + "\" is invalid: "
            + detail);
  }

  static String randomSuffix() {
    StringBuilder sb = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      sb.append(NAME_ALPHABET.charAt(RANDOM.nextInt(NAME_ALPHABET.length())));
    }
    return sb.toString();
  }
}
