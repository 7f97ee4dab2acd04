package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of the simulated cluster, kept by fabric8's CRUD dispatcher, which also assigns uids,
 * resource versions and generations and feeds the watches.
 */
final class ObjectStore {

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();

  MockResponse forward(RecordedRequest request) {
    return crud.dispatch(request);
  }

  /** The object at {@code objectPath}, or null. */
  JsonNode get(String objectPath) {
    MockResponse response = crud.handleGet(objectPath);
    return response.code() == 200 ? Json.parse(body(response)) : null;
  }

  /** The items of the collection at {@code collectionPath} (which may carry a label selector). */
  List<JsonNode> list(String collectionPath) {
    List<JsonNode> items = new ArrayList<>();
    listBody(collectionPath).path("items").forEach(items::add);
    return items;
  }

  /** The store's list document: {@code items} and the current {@code metadata.resourceVersion}. */
  JsonNode listBody(String collectionPath) {
    MockResponse response = crud.handleGet(collectionPath);
    JsonNode body = response.code() == 200 ? Json.parse(body(response)) : Json.object();
    return body.has("items") ? body : Json.object().set("items", Json.array());
  }

  MockResponse post(String collectionPath, JsonNode object) {
    return crud.dispatch(request(HttpMethod.POST, collectionPath, Json.write(object)));
  }

  MockResponse put(String path, JsonNode object) {
    return crud.dispatch(request(HttpMethod.PUT, path, Json.write(object)));
  }

  MockResponse delete(String objectPath) {
    return crud.handleDelete(objectPath);
  }

  static String body(MockResponse response) {
    Buffer body = response.getBody();
    return body == null ? "" : new String(body.getBytes(), StandardCharsets.UTF_8);
  }

  private static RecordedRequest request(HttpMethod method, String path, String body) {
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    return new RecordedRequest(
        "HTTP/1.1", method, path, headers, new Buffer(body.getBytes(StandardCharsets.UTF_8)));
  }
}
