package io.jenkins.plugins.containercloud.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.containercloud.history.DeploymentEvent;
import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.rollout.AppliedObject;
import io.jenkins.plugins.containercloud.rollout.RolloutResult;
import io.jenkins.plugins.containercloud.rollout.WorkloadStatus;
import java.util.List;
import java.util.Locale;

/**
 * The JSON every host writes for rollouts, applies, statuses and history records, so that the
 * command line, the server and the plugin answer with the same documents.
 */
public final class JsonViews {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonViews() {}

  public static ObjectNode deployment(DeploymentReport report) {
    ObjectNode node = rollout(report.result());
    node.put("deploymentId", report.deploymentId());
    return node;
  }

  public static ObjectNode rollout(RolloutResult result) {
    ObjectNode node = JSON.createObjectNode();
    node.put("outcome", result.outcome().name());
    node.put("namespace", result.workload().namespace());
    node.put("kind", result.workload().kind().apiKind());
    node.put("name", result.workload().name());
    node.put("imageBefore", result.imageBefore());
    node.put("imageAfter", result.imageAfter());
    node.put("durationMillis", result.duration().toMillis());
    if (result.reason() != null) {
      node.put("reason", result.reason());
    }
    return node;
  }

  public static ObjectNode apply(ApplyReport report) {
    ObjectNode node = JSON.createObjectNode();
    node.put("deploymentId", report.deploymentId());
    node.put("outcome", report.result().outcome().name());
    node.put("durationMillis", report.result().duration().toMillis());
    if (report.result().reason() != null) {
      node.put("reason", report.result().reason());
    }
    ArrayNode objects = node.putArray("objects");
    for (AppliedObject object : report.result().objects()) {
      objects
          .addObject()
          .put("kind", object.kind())
          .put("name", object.name())
          .put("action", object.action());
    }
    ArrayNode rollouts = node.putArray("rollouts");
    report.result().rollouts().forEach(r -> rollouts.add(rollout(r)));
    return node;
  }

  public static ObjectNode status(WorkloadStatus status) {
    ObjectNode node = JSON.createObjectNode();
    node.put("namespace", status.workload().namespace());
    node.put("kind", status.workload().kind().apiKind());
    node.put("name", status.workload().name());
    node.put("desired", status.desired());
    node.put("current", status.current());
    node.put("ready", status.ready());
    node.put("available", status.available());
    node.put("updated", status.updated());
    node.put("complete", status.complete());
    ObjectNode images = node.putObject("images");
    status.images().forEach(images::put);
    if (status.revision() != null) {
      node.put("revision", status.revision());
    }
    status.updateInProgress().ifPresent(p -> node.put("inProgress", p));
    return node;
  }

  public static ObjectNode record(DeploymentRecord record) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", record.id());
    node.put("cluster", record.cluster());
    node.put("namespace", record.namespace());
    node.put("kind", record.kind());
    node.put("name", record.name());
    if (record.container() != null) {
      node.put("container", record.container());
    }
    node.put("imageBefore", record.imageBefore());
    node.put("imageAfter", record.imageAfter());
    node.put("imageRequested", record.imageRequested());
    node.put("strategy", record.strategy());
    ObjectNode parameters = node.putObject("parameters");
    record.strategyParameters().forEach(parameters::put);
    node.put("trigger", record.trigger().type().name().toLowerCase(Locale.ROOT));
    node.put("triggeredBy", record.trigger().value());
    node.put("startedAt", record.startedAt().toString());
    if (record.finishedAt() != null) {
      node.put("finishedAt", record.finishedAt().toString());
    }
    node.put("outcome", record.outcome().name());
    if (record.reason() != null) {
      node.put("reason", record.reason());
    }
    return node;
  }

  public static ArrayNode records(List<DeploymentRecord> records) {
    ArrayNode array = JSON.createArrayNode();
    records.forEach(r -> array.add(record(r)));
    return array;
  }

  public static ArrayNode events(List<DeploymentEvent> events) {
    ArrayNode array = JSON.createArrayNode();
    for (DeploymentEvent event : events) {
      array
          .addObject()
          .put("sequence", event.sequence())
          .put("time", event.time().toString())
          .put("type", event.type())
          .put("message", event.message());
    }
    return array;
  }
}
