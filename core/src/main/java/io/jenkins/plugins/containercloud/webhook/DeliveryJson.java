package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pushes and headers of a delivery as the history stores them, and back. */
final class DeliveryJson {

  private DeliveryJson() {}

  static String pushes(List<PushEvent> pushes) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (PushEvent push : pushes) {
      ObjectNode node = array.addObject();
      switch (push) {
        case ImagePushed i -> {
          node.put("type", "image");
          node.put("registry", i.registry());
          node.put("repository", i.repository());
          node.put("tag", i.tag());
          node.put("digest", i.digest());
        }
        case CodePushed c -> {
          node.put("type", "code");
          node.put("repository", c.repository());
          node.put("ref", c.ref());
          node.put("commit", c.commit());
          // A user or token in the address stays out of the history.
          node.put("cloneUrl", BuildSpec.redact(c.cloneUrl()));
        }
      }
    }
    return array.toString();
  }

  static List<PushEvent> pushes(String json) {
    List<PushEvent> pushes = new ArrayList<>();
    try {
      for (JsonNode node : Json.MAPPER.readTree(json)) {
        if ("image".equals(node.path("type").asText())) {
          pushes.add(
              new ImagePushed(
                  Json.text(node, "registry"),
                  Json.text(node, "repository"),
                  Json.text(node, "tag"),
                  Json.text(node, "digest")));
        } else {
          pushes.add(
              new CodePushed(
                  Json.text(node, "repository"),
                  Json.text(node, "ref"),
                  Json.text(node, "commit"),
                  Json.text(node, "cloneUrl")));
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored delivery's pushes are not JSON", e);
    }
    return pushes;
  }

  static String headers(Map<String, String> headers) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    headers.forEach(node::put);
    String text = node.toString();
    return text.length() <= 4000 ? text : "{}";
  }
}
