package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.function.Predicate;

/**
 * Deletes with the propagation policies of the real API server. The CRUD store ignores
 * DeleteOptions, so {@code Orphan} and {@code Foreground} are turned into the finalizers the real
 * server adds ({@code orphan}, {@code foregroundDeletion}); the {@link GarbageCollector} then does
 * the work and removes them. {@code Background} deletes at once and leaves the dependents to the
 * collector.
 */
final class DeleteHandler {

  static final String ORPHAN_FINALIZER = "orphan";
  static final String FOREGROUND_FINALIZER = "foregroundDeletion";

  private final ObjectStore store;

  DeleteHandler(ObjectStore store) {
    this.store = store;
  }

  MockResponse delete(RequestPath path, String body) {
    JsonNode options = body == null || body.isBlank() ? Json.object() : Json.parse(body);
    if (path.name() == null) {
      ArrayNode deleted = Json.array();
      Predicate<JsonNode> selected =
          Selectors.labels(path.query().get("labelSelector"))
              .and(Selectors.fields(path.query().get("fieldSelector")));
      for (JsonNode item : store.list(path.collectionPath()).stream().filter(selected).toList()) {
        RequestPath itemPath = path.withName(Json.text(item, "metadata", "name"));
        deleteOne(itemPath, item, options);
        deleted.add(item);
      }
      ObjectNode list = Json.object().put("kind", "List").put("apiVersion", "v1");
      list.set("items", deleted);
      return new MockResponse().setResponseCode(200).setBody(Json.write(list));
    }
    JsonNode current = store.get(path.objectPath());
    if (current == null) {
      throw ApiException.notFound(path);
    }
    checkPreconditions(path, current, options.path("preconditions"));
    return deleteOne(path, current, options);
  }

  private MockResponse deleteOne(RequestPath path, JsonNode current, JsonNode options) {
    String finalizer =
        switch (policy(path, options)) {
          case "Orphan" -> ORPHAN_FINALIZER;
          case "Foreground" -> FOREGROUND_FINALIZER;
          default -> null;
        };
    boolean deleting = current.path("metadata").hasNonNull("deletionTimestamp");
    if (finalizer != null && isOwnerKind(path) && !deleting) {
      ObjectNode withFinalizer = current.deepCopy();
      ArrayNode finalizers = Json.with(withFinalizer, "metadata").withArrayProperty("finalizers");
      if (!finalizers.toString().contains("\"" + finalizer + "\"")) {
        finalizers.add(finalizer);
      }
      store.put(path.objectPath(), withFinalizer);
      store.delete(path.objectPath());
      JsonNode marked = store.get(path.objectPath());
      return new MockResponse().setResponseCode(200).setBody(Json.write(marked));
    }
    return store.delete(path.objectPath());
  }

  /** The effective policy: the request's, else the kind's default (Orphan for v1 RCs). */
  static String policy(RequestPath path, JsonNode options) {
    String policy = Json.text(options, "propagationPolicy");
    if (policy == null) {
      policy = path.query().get("propagationPolicy");
    }
    if (policy != null) {
      return policy;
    }
    String orphan = Json.text(options, "orphanDependents");
    if (orphan == null) {
      orphan = path.query().get("orphanDependents");
    }
    if (orphan != null) {
      return Boolean.parseBoolean(orphan) ? "Orphan" : "Background";
    }
    return path.isCore("replicationcontrollers") ? "Orphan" : "Background";
  }

  private static boolean isOwnerKind(RequestPath path) {
    return path.isCore("replicationcontrollers")
        || path.isApps("replicasets")
        || path.isApps("deployments");
  }

  private static void checkPreconditions(
      RequestPath path, JsonNode current, JsonNode preconditions) {
    String uid = Json.text(preconditions, "uid");
    String resourceVersion = Json.text(preconditions, "resourceVersion");
    if ((uid != null && !uid.equals(Json.text(current, "metadata", "uid")))
        || (resourceVersion != null
            && !resourceVersion.equals(Json.text(current, "metadata", "resourceVersion")))) {
      throw ApiException.conflict(path);
    }
  }
}
