package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Docker Hub: no signature exists, so the hook's URL ends with a secret segment, compared in
 * constant time. A push becomes an {@link ImagePushed} without digest (the Hub sends none; it is
 * resolved from the registry before deploying). {@code callback_url} is never called: the body is
 * unauthenticated, and calling an address it names would let anyone make this server send requests
 * inside its network.
 */
final class DockerHubReceiver implements Receiver {

  @Override
  public void verify(
      HookSettings hook, WebhookHeaders headers, byte[] body, String pathSecret, Instant now)
      throws DeliveryRefused {
    if (pathSecret == null || pathSecret.isEmpty()) {
      throw new DeliveryRefused(
          "the URL lacks its secret: Docker Hub hooks are /hooks/dockerhub/"
              + hook.name()
              + "/<secret>");
    }
    if (!Signatures.same(pathSecret, hook.secret())) {
      throw new DeliveryRefused("the secret in the URL is not this hook's");
    }
  }

  @Override
  public ParsedDelivery parse(WebhookHeaders headers, byte[] body) throws MalformedDelivery {
    Map<String, String> recorded = Receiver.recorded(headers, "User-Agent");
    Receiver.requireContentType(headers, "Docker Hub sends application/json", "application/json");
    JsonNode root = Json.object(body);
    String repository = Json.required(root, "repository.repo_name");
    String tag = Json.required(root, "push_data.tag");
    JsonNode pushedAt = Json.at(root, "push_data.pushed_at");
    if (pushedAt == null || !pushedAt.isNumber()) {
      throw new MalformedDelivery("push_data.pushed_at: missing or not a number");
    }
    // Old deliveries wrote it as 1.417566161e+09: read the number, then whole seconds.
    long seconds = (long) pushedAt.asDouble();
    String key = Receiver.key("dockerhub", repository + ":" + tag + ":" + seconds);
    return ParsedDelivery.pushes(
        "push", key, List.of(new ImagePushed("docker.io", repository, tag, null)), recorded);
  }
}
