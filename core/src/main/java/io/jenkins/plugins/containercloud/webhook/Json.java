package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Reading webhook bodies: strict JSON, bounded nesting, and errors that name the field. */
final class Json {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100).build());
  }

  private Json() {}

  /** The body as a JSON object. */
  static JsonNode object(byte[] body) throws MalformedDelivery {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedDelivery(
          "the body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException | RuntimeException e) {
      throw new MalformedDelivery("the body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedDelivery("the body must be a JSON object");
    }
    return root;
  }

  /** JSON this package wrote. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The text at a dotted path, or null when missing, null or not a string. */
  static String text(JsonNode node, String path) {
    JsonNode value = at(node, path);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /** The non-blank text at a dotted path, or an error naming the path. */
  static String required(JsonNode node, String path) throws MalformedDelivery {
    String value = text(node, path);
    if (value == null || value.isBlank()) {
      throw new MalformedDelivery(path + ": missing or not a string");
    }
    return value;
  }

  /** The node at a dotted path, or null. */
  static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      if (current == null || !current.isObject()) {
        return null;
      }
      current = current.get(part);
    }
    return current == null || current.isNull() ? null : current;
  }
}
