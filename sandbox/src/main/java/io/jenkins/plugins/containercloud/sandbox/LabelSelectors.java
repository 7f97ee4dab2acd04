package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Label selector matching: equality maps (ReplicationController) and full {@code LabelSelector}s.
 */
final class LabelSelectors {

  private LabelSelectors() {}

  /** An equality selector; an empty one selects nothing, as for ReplicationControllers. */
  static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    if (selector == null || selector.isEmpty()) {
      return false;
    }
    Map<String, String> actual = labels == null ? Map.of() : labels;
    return selector.entrySet().stream()
        .allMatch(e -> Objects.equals(actual.get(e.getKey()), e.getValue()));
  }

  /** A {@code LabelSelector}; an empty or null one selects nothing, as controllers treat it. */
  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> matchLabels = selector.getMatchLabels();
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    boolean empty =
        (matchLabels == null || matchLabels.isEmpty())
            && (expressions == null || expressions.isEmpty());
    if (empty) {
      return false;
    }
    Map<String, String> actual = labels == null ? Map.of() : labels;
    if (matchLabels != null
        && !matchLabels.entrySet().stream()
            .allMatch(e -> Objects.equals(actual.get(e.getKey()), e.getValue()))) {
      return false;
    }
    return expressions == null || expressions.stream().allMatch(r -> matches(r, actual));
  }

  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String value = labels.get(requirement.getKey());
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }

  /** Matching on raw JSON, for validating objects on their way into the API server. */
  @SuppressWarnings("unchecked") // label values are strings: the API's schema says so
  static boolean matches(JsonNode selector, JsonNode labels) {
    LabelSelector typed = Json.convert(selector, LabelSelector.class);
    Map<String, String> labelMap = labels.isObject() ? Json.convert(labels, Map.class) : Map.of();
    return matches(typed, labelMap);
  }
}
