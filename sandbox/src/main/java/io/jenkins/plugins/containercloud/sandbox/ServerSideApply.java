package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side apply without managed-field bookkeeping: the applied configuration is merged into the
 * live object (lists of named things by key), and what a manager applied last time but left out now
 * is removed — the visible effect of field ownership when one manager owns its fields. Conflicts
 * between managers are not detected.
 */
final class ServerSideApply {

  private final Map<String, JsonNode> lastApplied = new ConcurrentHashMap<>();

  JsonNode apply(JsonNode live, JsonNode applied, String manager) {
    ObjectNode merged = (ObjectNode) live.deepCopy();
    JsonNode previous = lastApplied.get(key(Json.text(live, "metadata", "uid"), manager));
    if (previous != null) {
      prune(merged, previous, applied);
    }
    return StrategicMerge.apply(merged, applied);
  }

  void remember(String uid, String manager, JsonNode applied) {
    lastApplied.put(key(uid, manager), applied.deepCopy());
  }

  private static String key(String uid, String manager) {
    return uid + "/" + manager;
  }

  private static void prune(ObjectNode live, JsonNode previous, JsonNode now) {
    for (Iterator<Map.Entry<String, JsonNode>> it = previous.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode before = field.getValue();
      JsonNode after = now.get(name);
      JsonNode current = live.get(name);
      if (after == null) {
        live.remove(name);
      } else if (before.isObject() && after.isObject() && current != null && current.isObject()) {
        prune((ObjectNode) current, before, after);
      } else if (before.isArray() && after.isArray() && current != null && current.isArray()) {
        pruneList(name, (ArrayNode) current, (ArrayNode) before, (ArrayNode) after);
      }
    }
  }

  private static void pruneList(String field, ArrayNode live, ArrayNode before, ArrayNode after) {
    String mergeKey = StrategicMerge.mergeKey(field, before);
    if (mergeKey == null) {
      return;
    }
    for (JsonNode element : before) {
      JsonNode key = element.get(mergeKey);
      JsonNode stillApplied = find(after, mergeKey, key);
      int index = indexOf(live, mergeKey, key);
      if (index < 0) {
        continue;
      }
      if (stillApplied == null) {
        live.remove(index);
      } else if (element.isObject() && live.get(index).isObject()) {
        prune((ObjectNode) live.get(index), element, stillApplied);
      }
    }
  }

  private static JsonNode find(ArrayNode list, String mergeKey, JsonNode key) {
    int index = indexOf(list, mergeKey, key);
    return index < 0 ? null : list.get(index);
  }

  private static int indexOf(ArrayNode list, String mergeKey, JsonNode key) {
    for (int i = 0; key != null && i < list.size(); i++) {
      if (key.equals(list.get(i).get(mergeKey))) {
        return i;
      }
    }
    return -1;
  }
}
