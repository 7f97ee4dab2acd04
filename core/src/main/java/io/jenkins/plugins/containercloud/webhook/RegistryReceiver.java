package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CNCF distribution (registry 2.x and 3.x) notifications: the endpoint's static {@code
 * Authorization} header is compared whole; of the envelope's events only manifest pushes with a tag
 * trigger; blob pushes, pulls, mounts, deletes and untagged platform manifests are acknowledged and
 * ignored (any 4xx or 5xx makes the registry retry forever).
 */
final class RegistryReceiver implements Receiver {

  static final String EVENTS_V1 = "application/vnd.docker.distribution.events.v1+json";
  static final String EVENTS_V2 = "application/vnd.docker.distribution.events.v2+json";

  private static final Set<String> MANIFESTS =
      Set.of(
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.distribution.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v1+prettyjws");

  @Override
  public void verify(
      HookSettings hook, WebhookHeaders headers, byte[] body, String pathSecret, Instant now)
      throws DeliveryRefused {
    Receiver.requireHeader(
        hook,
        headers,
        "Authorization",
        "give the registry's notification endpoint the header Authorization, set");
  }

  @Override
  public ParsedDelivery parse(WebhookHeaders headers, byte[] body) throws MalformedDelivery {
    Map<String, String> recorded = Receiver.recorded(headers, "User-Agent");
    Receiver.requireContentType(
        headers,
        "registry notifications are " + EVENTS_V1 + " (2.x) or " + EVENTS_V2 + " (3.x)",
        EVENTS_V1,
        EVENTS_V2,
        "application/json");
    JsonNode events = Json.object(body).get("events");
    if (events == null || !events.isArray()) {
      throw new MalformedDelivery("events: missing or not a list");
    }
    List<PushEvent> pushes = new ArrayList<>();
    StringBuilder ids = new StringBuilder();
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = events.get(i);
      String id = Json.text(e, "id");
      if (id == null || id.isBlank()) {
        throw new MalformedDelivery("events[" + i + "].id: missing");
      }
      ids.append(id).append(',');
      String action = Json.text(e, "action");
      String mediaType = Json.text(e, "target.mediaType");
      String url = Json.text(e, "target.url");
      boolean manifest =
          (mediaType != null && MANIFESTS.contains(mediaType))
              || (url != null && url.contains("/manifests/"));
      String tag = Json.text(e, "target.tag");
      if (!"push".equals(action) || !manifest || tag == null || tag.isEmpty()) {
        skipped.add(
            (action == null ? "?" : action)
                + (manifest
                    ? (tag == null || tag.isEmpty() ? " of an untagged manifest" : "")
                    : " of a blob"));
        continue;
      }
      String repository = Json.required(e, "target.repository");
      String digest = Json.text(e, "target.digest");
      if (digest == null || !digest.startsWith("sha256:")) {
        throw new MalformedDelivery("events[" + i + "].target.digest: missing or not sha256:");
      }
      pushes.add(new ImagePushed(Json.text(e, "request.host"), repository, tag, digest));
    }
    if (events.isEmpty()) {
      throw new MalformedDelivery("events: empty");
    }
    // Event ids stay the same across the registry's retries of the envelope.
    String key = Receiver.key("registry", ids.toString());
    if (pushes.isEmpty()) {
      return ParsedDelivery.ignored(
          "events", key, "no tagged manifest push (" + String.join(", ", skipped) + ")", recorded);
    }
    return ParsedDelivery.pushes("push", key, pushes, recorded);
  }
}
