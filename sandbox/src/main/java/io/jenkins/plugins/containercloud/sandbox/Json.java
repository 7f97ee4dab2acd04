package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Jackson trees for the API server's request handling. */
final class Json {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final KubernetesSerialization KUBE = new KubernetesSerialization();

  private Json() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  /** Parses JSON, and YAML when the text is not JSON (apply patches may be either). */
  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException notJson) {
      try {
        return YAML.readTree(text);
      } catch (JsonProcessingException notYaml) {
        throw new ApiException(400, "BadRequest", "the request body is neither JSON nor YAML");
      }
    }
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    return KUBE.convertValue(node, type);
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The object at {@code path} below {@code node}, created when missing. */
  static ObjectNode with(ObjectNode node, String... path) {
    ObjectNode current = node;
    for (String field : path) {
      JsonNode child = current.get(field);
      if (child == null || !child.isObject()) {
        child = current.putObject(field);
      }
      current = (ObjectNode) child;
    }
    return current;
  }

  static String text(JsonNode node, String... path) {
    JsonNode current = node;
    for (String field : path) {
      current = current == null ? null : current.get(field);
    }
    return current == null || current.isNull() ? null : current.asText();
  }
}
