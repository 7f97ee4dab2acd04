package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch for the built-in kinds' fields that matter here: lists of named things
 * (containers, env, volumes, ports, conditions, owner references...) merge by their key, other
 * lists are replaced; {@code $patch}, {@code $retainKeys} and {@code $deleteFromPrimitiveList}
 * directives are honoured. Also the merge step of server-side apply.
 */
final class StrategicMerge {

  /** Merge keys by field name, as the Kubernetes API types declare them (patchMergeKey). */
  private static final Map<String, String> MERGE_KEYS =
      Map.ofEntries(
          Map.entry("containers", "name"),
          Map.entry("initContainers", "name"),
          Map.entry("ephemeralContainers", "name"),
          Map.entry("volumes", "name"),
          Map.entry("env", "name"),
          Map.entry("imagePullSecrets", "name"),
          Map.entry("volumeMounts", "mountPath"),
          Map.entry("volumeDevices", "devicePath"),
          Map.entry("conditions", "type"),
          Map.entry("ownerReferences", "uid"),
          Map.entry("taints", "key"),
          Map.entry("hostAliases", "ip"),
          Map.entry("topologySpreadConstraints", "topologyKey"),
          Map.entry("resourceClaims", "name"),
          Map.entry("addresses", "type"),
          Map.entry("containerStatuses", "name"));

  /** Primitive lists whose patch strategy is merge (set union) rather than replace. */
  private static final Set<String> MERGED_PRIMITIVE_LISTS = Set.of("finalizers");

  private static final String PATCH = "$patch";
  private static final String RETAIN_KEYS = "$retainKeys";
  private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
  private static final String SET_ELEMENT_ORDER = "$setElementOrder/";

  private StrategicMerge() {}

  static JsonNode apply(JsonNode original, JsonNode patch) {
    if (!patch.isObject() || original == null || !original.isObject()) {
      return stripDirectives(patch);
    }
    return mergeObject((ObjectNode) original.deepCopy(), (ObjectNode) patch);
  }

  private static JsonNode mergeObject(ObjectNode target, ObjectNode patch) {
    if ("replace".equals(Json.text(patch, PATCH))) {
      return stripDirectives(patch);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        deleteFromPrimitiveList(target, key.substring(DELETE_FROM_PRIMITIVE_LIST.length()), value);
      } else if (key.startsWith("$")) {
        continue;
      } else if (value.isNull() || "delete".equals(Json.text(value, PATCH))) {
        target.remove(key);
      } else if (value.isObject() && target.path(key).isObject()) {
        target.set(key, mergeObject((ObjectNode) target.get(key), (ObjectNode) value));
      } else if (value.isArray() && target.path(key).isArray()) {
        target.set(key, mergeList(key, (ArrayNode) target.get(key), (ArrayNode) value));
      } else {
        target.set(key, stripDirectives(value));
      }
    }
    retainKeys(target, patch.get(RETAIN_KEYS));
    return target;
  }

  private static JsonNode mergeList(String field, ArrayNode target, ArrayNode patch) {
    String mergeKey = mergeKey(field, patch.size() > 0 ? patch : target);
    if (mergeKey != null) {
      return mergeKeyedList(target, patch, mergeKey);
    }
    if (MERGED_PRIMITIVE_LISTS.contains(field)) {
      ArrayNode result = target.deepCopy();
      for (JsonNode element : patch) {
        if (!contains(result, element)) {
          result.add(element);
        }
      }
      return result;
    }
    return stripDirectives(patch);
  }

  private static ArrayNode mergeKeyedList(ArrayNode target, ArrayNode patch, String mergeKey) {
    ArrayNode result = target.deepCopy();
    for (JsonNode element : patch) {
      int index = indexOf(result, mergeKey, element.get(mergeKey));
      if ("delete".equals(Json.text(element, PATCH))) {
        if (index >= 0) {
          result.remove(index);
        }
      } else if (index >= 0 && element.isObject() && result.get(index).isObject()) {
        result.set(index, mergeObject((ObjectNode) result.get(index), (ObjectNode) element));
      } else {
        result.add(stripDirectives(element));
      }
    }
    return result;
  }

  private static int indexOf(ArrayNode list, String mergeKey, JsonNode keyValue) {
    if (keyValue == null) {
      return -1;
    }
    for (int i = 0; i < list.size(); i++) {
      if (keyValue.equals(list.get(i).get(mergeKey))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean contains(ArrayNode list, JsonNode element) {
    for (JsonNode existing : list) {
      if (existing.equals(element)) {
        return true;
      }
    }
    return false;
  }

  private static void deleteFromPrimitiveList(ObjectNode target, String field, JsonNode values) {
    if (!target.path(field).isArray()) {
      return;
    }
    ArrayNode kept = Json.array();
    for (JsonNode element : target.get(field)) {
      if (!contains((ArrayNode) values, element)) {
        kept.add(element);
      }
    }
    target.set(field, kept);
  }

  private static void retainKeys(ObjectNode target, JsonNode keys) {
    if (keys == null || !keys.isArray()) {
      return;
    }
    Set<String> retained = new HashSet<>();
    keys.forEach(k -> retained.add(k.asText()));
    List<String> names = new ArrayList<>();
    target.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (!retained.contains(name)) {
        target.remove(name);
      }
    }
  }

  /** A copy of {@code node} without patch directives, as stored when there is nothing to merge. */
  static JsonNode stripDirectives(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = Json.object();
      node.fields()
          .forEachRemaining(
              f -> {
                if (!f.getKey().startsWith("$") && !f.getValue().isNull()) {
                  copy.set(f.getKey(), stripDirectives(f.getValue()));
                }
              });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Json.array();
      node.forEach(e -> copy.add(stripDirectives(e)));
      return copy;
    }
    return node.deepCopy();
  }

  /** The merge key of list {@code field}, or null when the list is atomic. */
  static String mergeKey(String field, ArrayNode sample) {
    if (field.equals("ports")) {
      return sample.path(0).has("containerPort") ? "containerPort" : "port";
    }
    return MERGE_KEYS.get(field);
  }
}
