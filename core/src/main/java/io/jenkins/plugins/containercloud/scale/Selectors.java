package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import java.util.Map;

/** Label selector and node selector term matching, as the scheduler evaluates them. */
final class Selectors {

  private Selectors() {}

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (!requirement(r.getKey(), r.getOperator(), r.getValues(), labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether any term matches (terms are ORed; an empty list matches every node). */
  static boolean anyTerm(List<NodeSelectorTerm> terms, Map<String, String> labels) {
    if (terms.isEmpty()) {
      return true;
    }
    for (NodeSelectorTerm term : terms) {
      if (term(term, labels)) {
        return true;
      }
    }
    return false;
  }

  private static boolean term(NodeSelectorTerm term, Map<String, String> labels) {
    List<NodeSelectorRequirement> expressions = term.getMatchExpressions();
    if (expressions == null || expressions.isEmpty()) {
      // An empty term matches nothing (the API's rule); only matchFields could make it match,
      // and no field of a node that does not exist yet can be known.
      return false;
    }
    for (NodeSelectorRequirement r : expressions) {
      if (!requirement(r.getKey(), r.getOperator(), r.getValues(), labels)) {
        return false;
      }
    }
    return true;
  }

  private static boolean requirement(
      String key, String operator, List<String> values, Map<String, String> labels) {
    String value = labels.get(key);
    List<String> wanted = values == null ? List.of() : values;
    return switch (operator) {
      case "In" -> value != null && wanted.contains(value);
      case "NotIn" -> value == null || !wanted.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt" -> value != null && !wanted.isEmpty() && number(value) > number(wanted.get(0));
      case "Lt" -> value != null && !wanted.isEmpty() && number(value) < number(wanted.get(0));
      default -> false;
    };
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }
}
