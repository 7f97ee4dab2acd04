package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The {@code scale} subresource of the workload kinds and the pod {@code binding}s. */
final class SubresourceHandler {

  private final ObjectStore store;

  SubresourceHandler(ObjectStore store) {
    this.store = store;
  }

  MockResponse getScale(RequestPath path) {
    JsonNode object = existing(path);
    return ok(scale(object));
  }

  /** PUT or PATCH of a Scale: only {@code spec.replicas} is taken. */
  MockResponse writeScale(RequestPath path, String body, boolean patch) {
    JsonNode object = existing(path);
    JsonNode request = Json.parse(body);
    JsonNode replicas =
        patch && request.isArray()
            ? replicasFromJsonPatch((ArrayNode) request)
            : request.path("spec").get("replicas");
    String wanted = Json.text(request, "metadata", "resourceVersion");
    if (wanted != null && !wanted.equals(Json.text(object, "metadata", "resourceVersion"))) {
      throw ApiException.conflict(path);
    }
    ObjectNode updated = object.deepCopy();
    if (replicas != null) {
      Json.with(updated, "spec").put("replicas", replicas.asInt());
    }
    MockResponse response = store.put(path.objectPath(), updated);
    if (response.code() != 200) {
      return response;
    }
    return ok(scale(Json.parse(ObjectStore.body(response))));
  }

  private static JsonNode replicasFromJsonPatch(ArrayNode operations) {
    for (JsonNode op : operations) {
      if ("/spec/replicas".equals(Json.text(op, "path"))) {
        return op.get("value");
      }
    }
    return null;
  }

  /** Binds a pod to a node, as the scheduler does: sets the node and PodScheduled=True. */
  MockResponse bind(RequestPath path, String body) {
    JsonNode binding = Json.parse(body);
    String podName = path.name() != null ? path.name() : Json.text(binding, "metadata", "name");
    RequestPath podPath =
        new RequestPath("", "v1", path.namespace(), "pods", podName, null, path.query());
    JsonNode pod = existing(podPath);
    String node = Json.text(binding, "target", "name");
    String assigned = Json.text(pod, "spec", "nodeName");
    if (assigned != null && !assigned.isEmpty()) {
      throw new ApiException(
          409, "Conflict", "pod " + podName + " is already assigned to node \"" + assigned + "\"");
    }
    ObjectNode bound = pod.deepCopy();
    Json.with(bound, "spec").put("nodeName", node);
    setScheduledCondition(Json.with(bound, "status"));
    MockResponse response = store.put(podPath.objectPath(), bound);
    if (response.code() != 200) {
      return response;
    }
    ObjectNode status = Json.object().put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Success").put("code", 201);
    return new MockResponse().setResponseCode(201).setBody(Json.write(status));
  }

  private static void setScheduledCondition(ObjectNode status) {
    ArrayNode conditions = status.withArrayProperty("conditions");
    for (int i = conditions.size() - 1; i >= 0; i--) {
      if ("PodScheduled".equals(Json.text(conditions.get(i), "type"))) {
        conditions.remove(i);
      }
    }
    conditions
        .addObject()
        .put("type", "PodScheduled")
        .put("status", "True")
        .putNull("lastProbeTime")
        .put("lastTransitionTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private JsonNode existing(RequestPath path) {
    JsonNode object = store.get(path.objectPath());
    if (object == null) {
      throw ApiException.notFound(path);
    }
    return object;
  }

  private static JsonNode scale(JsonNode object) {
    ObjectNode scale = Json.object().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    for (String field :
        new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      if (object.path("metadata").has(field)) {
        metadata.set(field, object.path("metadata").get(field));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(0));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    status.put("selector", selectorString(object.path("spec").path("selector")));
    return scale;
  }

  private static String selectorString(JsonNode selector) {
    JsonNode labels = selector.has("matchLabels") ? selector.get("matchLabels") : selector;
    StringBuilder sb = new StringBuilder();
    labels
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isTextual()) {
                sb.append(sb.isEmpty() ? "" : ",")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue().asText());
              }
            });
    return sb.toString();
  }

  private static MockResponse ok(JsonNode body) {
    return new MockResponse().setResponseCode(200).setBody(Json.write(body));
  }
}
