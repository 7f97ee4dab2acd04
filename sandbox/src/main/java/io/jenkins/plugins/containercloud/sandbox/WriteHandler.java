package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.zjsonpatch.JsonPatch;

/**
 * Creates, updates and patches (JSON, merge, strategic merge, server-side apply) as the real API
 * server does: defaults and validation, status kept apart from the object, resource-version
 * preconditions. Every patch becomes a full update of the stored object.
 */
final class WriteHandler {

  private final ObjectStore store;
  private final ServerSideApply apply = new ServerSideApply();

  WriteHandler(ObjectStore store) {
    this.store = store;
  }

  MockResponse create(RequestPath path, String body) {
    ObjectNode object = asObject(Json.parse(body));
    ObjectDefaults.onCreate(path, object);
    return store.post(path.collectionPath(), object);
  }

  MockResponse update(RequestPath path, String body) {
    JsonNode current = store.get(path.objectPath());
    if (current == null) {
      throw ApiException.notFound(path);
    }
    return write(path, current, asObject(Json.parse(body)));
  }

  MockResponse patch(RequestPath path, String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase();
    JsonNode current = store.get(path.objectPath());
    JsonNode patch = Json.parse(body);
    if (type.contains("apply-patch")) {
      return apply(path, current, asObject(patch));
    }
    if (current == null) {
      throw ApiException.notFound(path);
    }
    JsonNode patched;
    if (type.contains("strategic-merge-patch")) {
      patched = StrategicMerge.apply(current, patch);
    } else if (type.contains("json-patch")) {
      patched = JsonPatch.apply(patch, current);
    } else if (type.contains("merge-patch")) {
      patched = MergePatch.apply(current, patch);
    } else {
      throw new ApiException(
          415, "UnsupportedMediaType", "the body of the request was in an unknown format");
    }
    checkResourceVersion(path, current, patch);
    ObjectNode result = asObject(patched);
    Json.with(result, "metadata")
        .put("resourceVersion", Json.text(current, "metadata", "resourceVersion"));
    return write(path, current, result);
  }

  private MockResponse apply(RequestPath path, JsonNode current, ObjectNode applied) {
    String manager = path.query().get("fieldManager");
    if (manager == null || manager.isEmpty()) {
      throw new ApiException(400, "BadRequest", "fieldManager is required for apply requests");
    }
    if (current == null) {
      MockResponse created = create(path.withoutName(), Json.write(withName(path, applied)));
      if (created.code() == 201) {
        apply.remember(
            Json.text(Json.parse(ObjectStore.body(created)), "metadata", "uid"), manager, applied);
      }
      return created;
    }
    checkResourceVersion(path, current, applied);
    ObjectNode result = asObject(apply.apply(current, applied, manager));
    Json.with(result, "metadata")
        .put("resourceVersion", Json.text(current, "metadata", "resourceVersion"));
    MockResponse response = write(path, current, result);
    if (response.code() == 200) {
      apply.remember(Json.text(current, "metadata", "uid"), manager, applied);
    }
    return response;
  }

  private MockResponse write(RequestPath path, JsonNode current, ObjectNode object) {
    if (path.isStatus()) {
      return store.put(path.objectPath() + "/status", object);
    }
    if (ObjectDefaults.STATUS_SUBRESOURCE.contains(path.plural())) {
      if (current.has("status")) {
        object.set("status", current.get("status").deepCopy());
      } else {
        object.remove("status");
      }
    }
    ObjectDefaults.onWrite(path, object, current);
    return store.put(path.objectPath(), object);
  }

  private static void checkResourceVersion(RequestPath path, JsonNode current, JsonNode patch) {
    String wanted = Json.text(patch, "metadata", "resourceVersion");
    if (wanted != null && !wanted.equals(Json.text(current, "metadata", "resourceVersion"))) {
      throw ApiException.conflict(path);
    }
  }

  private static ObjectNode withName(RequestPath path, ObjectNode object) {
    Json.with(object, "metadata").put("name", path.name());
    return object;
  }

  private static ObjectNode asObject(JsonNode node) {
    if (!node.isObject()) {
      throw new ApiException(400, "BadRequest", "the request body must be an object");
    }
    return (ObjectNode) node;
  }
}
