package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The discovery documents ({@code /version}, {@code /api}, {@code /apis}, resource lists). */
final class Discovery {

  /** One API resource as discovery describes it. */
  private record Resource(
      String name, String kind, boolean namespaced, List<String> shortNames, List<String> sub) {}

  private static final List<Resource> CORE =
      List.of(
          new Resource(
              "pods", "Pod", true, List.of("po"), List.of("status", "binding", "eviction")),
          new Resource("nodes", "Node", false, List.of("no"), List.of("status")),
          new Resource("namespaces", "Namespace", false, List.of("ns"), List.of("status")),
          new Resource("events", "Event", true, List.of("ev"), List.of()),
          new Resource("bindings", "Binding", true, List.of(), List.of()),
          new Resource("services", "Service", true, List.of("svc"), List.of("status")),
          new Resource("endpoints", "Endpoints", true, List.of("ep"), List.of()),
          new Resource("configmaps", "ConfigMap", true, List.of("cm"), List.of()),
          new Resource("secrets", "Secret", true, List.of(), List.of()),
          new Resource("serviceaccounts", "ServiceAccount", true, List.of("sa"), List.of()),
          new Resource(
              "persistentvolumeclaims", "PersistentVolumeClaim", true, List.of("pvc"), List.of()),
          new Resource(
              "replicationcontrollers",
              "ReplicationController",
              true,
              List.of("rc"),
              List.of("status", "scale")));

  private static final List<Resource> APPS =
      List.of(
          new Resource(
              "deployments", "Deployment", true, List.of("deploy"), List.of("status", "scale")),
          new Resource(
              "replicasets", "ReplicaSet", true, List.of("rs"), List.of("status", "scale")),
          new Resource("statefulsets", "StatefulSet", true, List.of("sts"), List.of("status")),
          new Resource("daemonsets", "DaemonSet", true, List.of("ds"), List.of("status")));

  private Discovery() {}

  /** The kind served at {@code plural} of the group, or null when the sandbox does not know it. */
  static String kindOf(String group, String plural) {
    List<Resource> resources = group.isEmpty() ? CORE : group.equals("apps") ? APPS : List.of();
    return resources.stream()
        .filter(r -> r.name().equals(plural))
        .map(Resource::kind)
        .findFirst()
        .orElse(null);
  }

  /** The document for {@code path}, or null when the path is not a discovery path. */
  static String document(String rawPath, String serverAddress) {
    String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
    path = path.replaceAll("/+$", "");
    return switch (path) {
      case "/version" -> version();
      case "/api" -> apiVersions(serverAddress);
      case "/apis" -> groups();
      case "/api/v1" -> resources("v1", CORE);
      case "/apis/apps/v1" -> resources("apps/v1", APPS);
      case "/apis/apps" -> group();
      default -> null;
    };
  }

  private static String version() {
    ObjectNode v = Json.object();
    v.put("major", "1").put("minor", "36").put("gitVersion", "v1.36.0-sandbox");
    v.put("platform", "linux/amd64");
    return Json.write(v);
  }

  private static String apiVersions(String serverAddress) {
    ObjectNode doc = Json.object().put("kind", "APIVersions");
    doc.putArray("versions").add("v1");
    doc.putArray("serverAddressByClientCIDRs")
        .addObject()
        .put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", serverAddress);
    return Json.write(doc);
  }

  private static String groups() {
    ObjectNode doc = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
    doc.putArray("groups").add(appsGroup());
    return Json.write(doc);
  }

  private static String group() {
    ObjectNode doc = appsGroup().put("kind", "APIGroup").put("apiVersion", "v1");
    return Json.write(doc);
  }

  private static ObjectNode appsGroup() {
    ObjectNode group = Json.object().put("name", "apps");
    ObjectNode version = Json.object().put("groupVersion", "apps/v1").put("version", "v1");
    group.putArray("versions").add(version);
    group.set("preferredVersion", version.deepCopy());
    return group;
  }

  private static String resources(String groupVersion, List<Resource> resources) {
    ObjectNode doc = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1");
    doc.put("groupVersion", groupVersion);
    ArrayNode list = doc.putArray("resources");
    for (Resource r : resources) {
      ObjectNode entry = list.addObject();
      entry.put("name", r.name()).put("singularName", r.kind().toLowerCase());
      entry.put("namespaced", r.namespaced()).put("kind", r.kind());
      ArrayNode verbs = entry.putArray("verbs");
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch")
          .forEach(verbs::add);
      ArrayNode shortNames = entry.putArray("shortNames");
      r.shortNames().forEach(shortNames::add);
      for (String sub : r.sub()) {
        ObjectNode subEntry = list.addObject();
        subEntry.put("name", r.name() + "/" + sub).put("singularName", "");
        subEntry.put("namespaced", r.namespaced());
        subEntry.put("kind", sub.equals("scale") ? "Scale" : r.kind());
        subEntry.putArray("verbs").add("get").add("patch").add("update");
      }
    }
    return Json.write(doc);
  }
}
