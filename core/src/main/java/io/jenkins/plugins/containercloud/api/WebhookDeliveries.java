package io.jenkins.plugins.containercloud.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containercloud.history.WebhookDelivery;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.history.WebhookStep;
import io.jenkins.plugins.containercloud.history.WebhookStepLog;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.WebhookAnswer;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Webhooks page's façade, the same JSON in both hosts: the configured hooks (never their
 * secrets), recent deliveries with their verification and what they triggered, and redelivery from
 * the history.
 */
public final class WebhookDeliveries {

  /** The most deliveries one request lists. */
  public static final int MAX_LIMIT = 500;

  private final WebhookHistory history;
  private final WebhookIntake intake;

  public WebhookDeliveries(WebhookHistory history, WebhookIntake intake) {
    this.history = history;
    this.intake = intake;
  }

  /** The engine's front door, for the host's hook route. */
  public WebhookIntake intake() {
    return intake;
  }

  /** The configured hooks: name, source, the path to give the sender, and the rules. */
  public ArrayNode hooks() {
    return hooks("/hooks");
  }

  /** The configured hooks, their paths under {@code base} (Jenkins: its webhook root action). */
  public ArrayNode hooks(String base) {
    ArrayNode list = DashboardJson.MAPPER.createArrayNode();
    for (HookSettings hook : intake.hooks()) {
      ObjectNode node = list.addObject();
      node.put("name", hook.name());
      node.put("source", hook.source().id());
      node.put(
          "path",
          base
              + "/"
              + hook.source().id()
              + "/"
              + hook.name()
              + (hook.source().id().equals("dockerhub") ? "/<secret>" : ""));
      ArrayNode rules = node.putArray("rules");
      hook.rules()
          .forEach(
              r ->
                  rules
                      .addObject()
                      .put("name", r.name())
                      .put("repository", r.repository())
                      .put("tags", r.tags())
                      .put(
                          "workload",
                          r.target() != null
                              ? r.target().toString()
                              : "jobs " + String.join(", ", r.job().jobs())));
    }
    return list;
  }

  /** The newest {@code limit} deliveries, each with its triggers. */
  public ArrayNode recent(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.badRequest("limit", "limit: give 1 to " + MAX_LIMIT);
    }
    List<WebhookDelivery> deliveries = history.recent(limit);
    Map<String, List<WebhookTriggerRow>> triggers = new HashMap<>();
    for (WebhookTriggerRow t :
        history.triggers(deliveries.stream().map(WebhookDelivery::id).toList())) {
      triggers.computeIfAbsent(t.deliveryId(), k -> new ArrayList<>()).add(t);
    }
    List<WebhookStep> steps = history.steps(deliveries.stream().map(WebhookDelivery::id).toList());
    ArrayNode list = DashboardJson.MAPPER.createArrayNode();
    for (WebhookDelivery d : deliveries) {
      list.add(view(d, triggers.getOrDefault(d.id(), List.of()), steps));
    }
    return list;
  }

  /** One delivery with its triggers. */
  public ObjectNode delivery(String id) {
    WebhookDelivery d;
    try {
      d = history.find(id).orElse(null);
    } catch (IllegalArgumentException e) {
      d = null;
    }
    if (d == null) {
      throw ApiException.notFound("no webhook delivery " + id + " in the history");
    }
    return view(d, history.triggers(id), history.steps(List.of(d.id())));
  }

  /**
   * The stored output of a delivery's pipeline steps (code pushes: the checkout's, the build's
   * progress, the push's; each bounded, secrets masked), read apart from the list because of size.
   */
  public ObjectNode logs(String id) {
    ObjectNode node = DashboardJson.MAPPER.createObjectNode();
    node.put("delivery", delivery(id).path("id").asText());
    ArrayNode list = node.putArray("logs");
    for (WebhookStepLog log : history.stepLogs(id)) {
      list.addObject().put("seq", log.seq()).put("step", log.step()).put("log", log.log());
    }
    return node;
  }

  /** Stores a new delivery replaying a stored one's pushes under today's rules. */
  public WebhookAnswer redeliver(String id) {
    try {
      return intake.redeliver(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(e.getMessage());
    }
  }

  private static ObjectNode view(
      WebhookDelivery d, List<WebhookTriggerRow> triggers, List<WebhookStep> steps) {
    ObjectNode node = DashboardJson.MAPPER.createObjectNode();
    node.put("id", d.id());
    node.put("source", d.source());
    node.put("hook", d.hook());
    node.put("event", d.event());
    node.put("receivedAt", d.receivedAt().toString());
    node.put("verification", d.verification());
    node.put("status", d.status());
    node.put("reason", d.reason());
    node.put("dedupeKey", d.dedupeKey());
    node.put("bodySize", d.bodySize());
    node.put("bodySha256", d.bodySha256());
    node.put("redeliveryOf", d.redeliveryOf());
    node.set("headers", parse(d.headersJson()));
    node.set("pushes", parse(d.eventsJson()));
    ArrayNode list = node.putArray("triggers");
    for (WebhookTriggerRow t : triggers) {
      ObjectNode trigger = list.addObject();
      trigger.put("seq", t.seq());
      trigger.put("rule", t.rule());
      trigger.put("cluster", t.cluster());
      trigger.put("namespace", t.namespace());
      trigger.put("kind", t.kind());
      trigger.put("name", t.name());
      trigger.put("container", t.container());
      trigger.put("image", t.image());
      trigger.put("status", t.status());
      trigger.put("deploymentId", t.deploymentId());
      trigger.put("reason", t.reason());
      trigger.put("updatedAt", t.updatedAt().toString());
      ArrayNode pipeline = trigger.putArray("steps");
      for (WebhookStep step : steps) {
        if (step.deliveryId().equals(t.deliveryId()) && step.seq() == t.seq()) {
          pipeline.add(view(step));
        }
      }
    }
    return node;
  }

  /** A code-push pipeline's step: checkout, build, push or deploy, its timing and outcome. */
  private static ObjectNode view(WebhookStep step) {
    ObjectNode node = DashboardJson.MAPPER.createObjectNode();
    node.put("step", step.step());
    node.put("status", step.status());
    node.put("startedAt", step.startedAt().toString());
    node.put("endedAt", step.endedAt() == null ? null : step.endedAt().toString());
    if (step.duration() == null) {
      node.putNull("durationMs");
    } else {
      node.put("durationMs", step.duration().toMillis());
    }
    node.put("detail", step.detail());
    node.put("logChars", step.logChars());
    return node;
  }

  private static JsonNode parse(String json) {
    try {
      return DashboardJson.MAPPER.readTree(json);
    } catch (IOException e) {
      return DashboardJson.MAPPER.nullNode();
    }
  }
}
