package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Harbor 2.x, Default and CloudEvents formats: the policy's Auth Header arrives verbatim as {@code
 * Authorization} and is compared whole; every resource of a {@code PUSH_ARTIFACT} event becomes an
 * {@link ImagePushed} ({@code tag} may be a digest: then the push is untagged).
 */
final class HarborReceiver implements Receiver {

  static final String CLOUD_EVENTS = "application/cloudevents+json";

  @Override
  public void verify(
      HookSettings hook, WebhookHeaders headers, byte[] body, String pathSecret, Instant now)
      throws DeliveryRefused {
    Receiver.requireHeader(
        hook, headers, "Authorization", "set the webhook policy's Auth Header in Harbor");
  }

  @Override
  public ParsedDelivery parse(WebhookHeaders headers, byte[] body) throws MalformedDelivery {
    Map<String, String> recorded = Receiver.recorded(headers, "User-Agent");
    Receiver.requireContentType(
        headers,
        "Harbor sends application/json (Default) or " + CLOUD_EVENTS,
        "application/json",
        CLOUD_EVENTS);
    JsonNode root = Json.object(body);
    boolean cloudEvents = headers.mediaType().equals(CLOUD_EVENTS) || root.has("specversion");
    String type;
    JsonNode data;
    String key;
    if (cloudEvents) {
      type = Json.required(root, "type");
      data = Json.at(root, "data");
      key = Receiver.key("harbor", Json.required(root, "id"));
    } else {
      type = Json.required(root, "type");
      data = Json.at(root, "event_data");
      // The Default format has no delivery id: the event's content is its identity.
      key =
          Receiver.key(
              "harbor",
              "sha256:"
                  + Signatures.sha256Hex(String.valueOf(root).getBytes(StandardCharsets.UTF_8)));
    }
    boolean pushed = type.equals("PUSH_ARTIFACT") || type.equals("harbor.artifact.pushed");
    if (!pushed) {
      return ParsedDelivery.ignored(type, key, "the " + type + " event deploys nothing", recorded);
    }
    if (data == null || !data.isObject()) {
      throw new MalformedDelivery((cloudEvents ? "data" : "event_data") + ": missing");
    }
    String repository = Json.required(data, "repository.repo_full_name");
    JsonNode resources = data.get("resources");
    if (resources == null || !resources.isArray() || resources.isEmpty()) {
      throw new MalformedDelivery("resources: missing or empty");
    }
    List<PushEvent> pushes = new ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      JsonNode r = resources.get(i);
      String digest = Json.text(r, "digest");
      if (digest == null || !digest.startsWith("sha256:")) {
        throw new MalformedDelivery("resources[" + i + "].digest: missing or not sha256:");
      }
      String tag = Json.text(r, "tag");
      if (tag != null && (tag.isEmpty() || tag.startsWith("sha256:"))) {
        tag = null; // Harbor puts the digest here when the artifact has no tag
      }
      String url = Json.text(r, "resource_url");
      String registry =
          url == null || url.indexOf('/') < 0 ? null : url.substring(0, url.indexOf('/'));
      pushes.add(new ImagePushed(registry, repository, tag, digest));
    }
    return ParsedDelivery.pushes(type, key, pushes, recorded);
  }
}
