package io.jenkins.plugins.containercloud.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of a Kubernetes API request path: group, version, namespace, resource, name. */
record RequestPath(
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource,
    Map<String, String> query) {

  /** Parses {@code /api/v1/namespaces/ns/pods/name/status?x=y}; null for non-resource paths. */
  static RequestPath parse(String rawPath) {
    int q = rawPath.indexOf('?');
    String path = q < 0 ? rawPath : rawPath.substring(0, q);
    Map<String, String> query = q < 0 ? Map.of() : parseQuery(rawPath.substring(q + 1));
    List<String> segments =
        new ArrayList<>(Arrays.asList(path.replaceAll("^/+|/+$", "").split("/")));
    String group;
    String version;
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      group = "";
      version = segments.get(1);
      segments = segments.subList(2, segments.size());
    } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      version = segments.get(2);
      segments = segments.subList(3, segments.size());
    } else {
      return null;
    }
    String namespace = null;
    boolean namespacedPath =
        segments.size() >= 3
            && segments.get(0).equals("namespaces")
            && !(segments.size() == 3 && isNamespaceSubresource(segments.get(2)));
    if (namespacedPath) {
      namespace = segments.get(1);
      segments = segments.subList(2, segments.size());
    }
    String plural = segments.get(0);
    String name = segments.size() > 1 ? segments.get(1) : null;
    String subresource = segments.size() > 2 ? segments.get(2) : null;
    return new RequestPath(group, version, namespace, plural, name, subresource, query);
  }

  private static boolean isNamespaceSubresource(String segment) {
    return segment.equals("status") || segment.equals("finalize");
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.put(decode(key), decode(value));
    }
    return result;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The path of the collection this request addresses, without query. */
  String collectionPath() {
    StringBuilder sb =
        new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + apiVersion());
    if (namespace != null) {
      sb.append("/namespaces/").append(namespace);
    }
    return sb.append('/').append(plural).toString();
  }

  /** The path of one object of this request's collection, without query. */
  String objectPath(String objectName) {
    return collectionPath() + "/" + objectName;
  }

  String objectPath() {
    return objectPath(name);
  }

  RequestPath withoutName() {
    return new RequestPath(group, version, namespace, plural, null, null, query);
  }

  RequestPath withName(String objectName) {
    return new RequestPath(group, version, namespace, plural, objectName, null, query);
  }

  boolean isStatus() {
    return "status".equals(subresource);
  }

  boolean isCore(String resource) {
    return group.isEmpty() && plural.equals(resource);
  }

  boolean isApps(String resource) {
    return group.equals("apps") && plural.equals(resource);
  }
}
