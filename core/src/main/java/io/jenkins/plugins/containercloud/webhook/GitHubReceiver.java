package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub: {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body) is required; push and tag push
 * become {@link CodePushed}, GHCR's {@code package}/{@code registry_package} events {@link
 * ImagePushed}; ping and everything else are acknowledged and ignored.
 */
final class GitHubReceiver implements Receiver {

  private static final String ZEROS = "0".repeat(40);

  @Override
  public void verify(
      HookSettings hook, WebhookHeaders headers, byte[] body, String pathSecret, Instant now)
      throws DeliveryRefused {
    String signature = headers.nonBlank("X-Hub-Signature-256");
    if (signature == null) {
      throw new DeliveryRefused(
          "X-Hub-Signature-256 is missing: give the hook in GitHub the same secret as this"
              + " server's hook "
              + hook.name());
    }
    String expected =
        "sha256="
            + Signatures.hex(
                Signatures.hmacSha256(hook.secret().getBytes(StandardCharsets.UTF_8), body));
    if (!Signatures.same(signature.toLowerCase(Locale.ROOT), expected)) {
      throw new DeliveryRefused(
          "X-Hub-Signature-256 does not match the body: the secrets differ, or something"
              + " between GitHub and this server changed the body");
    }
  }

  @Override
  public ParsedDelivery parse(WebhookHeaders headers, byte[] body) throws MalformedDelivery {
    Map<String, String> recorded =
        Receiver.recorded(
            headers,
            "X-GitHub-Event",
            "X-GitHub-Delivery",
            "X-GitHub-Hook-ID",
            "X-GitHub-Hook-Installation-Target-Type",
            "User-Agent");
    String event = headers.nonBlank("X-GitHub-Event");
    if (event == null) {
      throw new MalformedDelivery("X-GitHub-Event is missing");
    }
    String delivery = headers.nonBlank("X-GitHub-Delivery");
    if (delivery == null) {
      throw new MalformedDelivery("X-GitHub-Delivery is missing");
    }
    Receiver.requireContentType(
        headers, "set the hook's Content type to application/json in GitHub", "application/json");
    String hookId = headers.nonBlank("X-GitHub-Hook-ID");
    // The delivery id is per event, shared by every hook that receives it: scope it by hook.
    String key = Receiver.key("github", (hookId == null ? "" : hookId) + ":" + delivery);
    JsonNode root = Json.object(body);
    return switch (event) {
      case "ping" -> ParsedDelivery.ignored(event, key, "ping: the hook works", recorded);
      case "push" -> push(root, event, key, recorded);
      case "package", "registry_package" -> containerPackage(root, event, key, recorded);
      default ->
          ParsedDelivery.ignored(
              event,
              key,
              "the " + event + " event deploys nothing; only push and package do",
              recorded);
    };
  }

  private static ParsedDelivery push(
      JsonNode root, String event, String key, Map<String, String> recorded)
      throws MalformedDelivery {
    String ref = Json.required(root, "ref");
    String repository = Json.required(root, "repository.full_name");
    String cloneUrl = Json.text(root, "repository.clone_url");
    JsonNode deleted = root.get("deleted");
    if ((deleted != null && deleted.asBoolean()) || ZEROS.equals(Json.text(root, "after"))) {
      return ParsedDelivery.ignored(event, key, ref + " was deleted", recorded);
    }
    // An annotated tag's "after" is the tag object: the commit is head_commit.id.
    String commit = Json.text(root, "head_commit.id");
    if (commit == null && ref.startsWith("refs/heads/")) {
      commit = Json.required(root, "after");
    }
    if (commit == null) {
      return ParsedDelivery.ignored(
          event, key, ref + " names no commit (head_commit is null)", recorded);
    }
    return ParsedDelivery.pushes(
        event, key, List.of(new CodePushed(repository, ref, commit, cloneUrl)), recorded);
  }

  private static ParsedDelivery containerPackage(
      JsonNode root, String event, String key, Map<String, String> recorded)
      throws MalformedDelivery {
    JsonNode pkg = root.get(event);
    if (pkg == null || !pkg.isObject()) {
      throw new MalformedDelivery(event + ": missing or not an object");
    }
    String action = Json.text(root, "action");
    if (!"published".equals(action) && !"updated".equals(action)) {
      return ParsedDelivery.ignored(
          event, key, "package action " + action + " deploys nothing", recorded);
    }
    String type = Json.text(pkg, "package_type");
    if (type == null || !type.equalsIgnoreCase("container")) {
      return ParsedDelivery.ignored(
          event, key, "package type " + type + " is not a container image", recorded);
    }
    String owner = Json.text(pkg, "namespace");
    if (owner == null) {
      owner = Json.required(pkg, "owner.login");
    }
    String name = Json.required(pkg, "name");
    JsonNode metadata = Json.at(pkg, "package_version.container_metadata");
    String tag = metadata == null ? null : Json.text(metadata, "tag.name");
    if (tag == null || tag.isEmpty()) {
      // One event per platform manifest of a multi-arch push, untagged: the tagged index follows.
      return ParsedDelivery.ignored(
          event, key, "an untagged manifest (a platform of a multi-arch image)", recorded);
    }
    String digest = Json.text(metadata, "manifest.digest");
    if (digest == null) {
      digest = Json.text(metadata, "tag.digest");
    }
    if (digest == null || !digest.startsWith("sha256:")) {
      throw new MalformedDelivery(
          event + ".package_version.container_metadata.manifest.digest: missing or not sha256:");
    }
    String repository = (owner + "/" + name).toLowerCase(Locale.ROOT);
    return ParsedDelivery.pushes(
        event, key, List.of(new ImagePushed("ghcr.io", repository, tag, digest)), recorded);
  }
}
