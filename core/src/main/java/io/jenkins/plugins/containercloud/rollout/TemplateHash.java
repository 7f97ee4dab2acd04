package io.jenkins.plugins.containercloud.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A short, stable hash of a pod template (FNV-1a over its JSON with sorted keys, the {@code
 * deployment} label left out), naming the controller of an update so that running the same update
 * again finds the same controller.
 */
final class TemplateHash {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TemplateHash() {}

  static String of(PodTemplateSpec template) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(Serialization.asJson(template));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot serialise a pod template", e);
    }
    JsonNode labels = tree.path("metadata").path("labels");
    if (labels instanceof ObjectNode labelObject) {
      labelObject.remove(Annotations.DEPLOYMENT_LABEL);
    }
    StringBuilder canonical = new StringBuilder();
    write(tree, canonical);
    int hash = 0x811c9dc5;
    for (byte b : canonical.toString().getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return String.format("%08x", hash);
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      out.append('{');
      for (String name : names) {
        out.append('"').append(name).append("\":");
        write(node.get(name), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode element : node) {
        write(element, out);
        out.append(',');
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }
}
