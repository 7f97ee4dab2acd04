package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;

/**
 * Pod template identity for Deployments: the {@code pod-template-hash} and equality ignoring it.
 */
final class PodTemplates {

  static final String HASH_LABEL = "pod-template-hash";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private PodTemplates() {}

  /** Equal as pod templates, whatever their {@code pod-template-hash} labels say. */
  static boolean equalIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
    return normalized(a).equals(normalized(b));
  }

  /**
   * A hash of the template (FNV-1a over its canonical JSON, plus the collision count), encoded like
   * Kubernetes' {@code SafeEncodeString}: not the same value as a real cluster's, the same shape.
   */
  static String hash(PodTemplateSpec template, Integer collisionCount) {
    String canonical =
        normalized(template).toString() + (collisionCount == null ? "" : "#" + collisionCount);
    int hash = 0x811c9dc5;
    for (byte b : canonical.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    String decimal = Long.toString(Integer.toUnsignedLong(hash));
    StringBuilder encoded = new StringBuilder(decimal.length());
    for (char c : decimal.toCharArray()) {
      encoded.append(SAFE_ALPHABET.charAt(c % SAFE_ALPHABET.length()));
    }
    return encoded.toString();
  }

  private static JsonNode normalized(PodTemplateSpec template) {
    JsonNode tree = MAPPER.valueToTree(template);
    JsonNode labels = tree.path("metadata").path("labels");
    if (labels.isObject()) {
      ((ObjectNode) labels).remove(HASH_LABEL);
    }
    return prune(tree);
  }

  /** Drops nulls and empty objects and lists, which the API treats as absent. */
  private static JsonNode prune(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = MAPPER.createObjectNode();
      node.fields()
          .forEachRemaining(
              f -> {
                JsonNode value = prune(f.getValue());
                if (!value.isNull()
                    && !((value.isObject() || value.isArray()) && value.isEmpty())) {
                  copy.set(f.getKey(), value);
                }
              });
      return copy;
    }
    if (node.isArray()) {
      var copy = MAPPER.createArrayNode();
      node.forEach(e -> copy.add(prune(e)));
      return copy;
    }
    return node;
  }
}
