package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Server-side tables ({@code Accept: ...;as=Table}), so that {@code kubectl get} prints the usual
 * columns for the kinds the sandbox runs; other kinds get NAME and AGE.
 */
final class Tables {

  /** One column: header, type, priority (1 shows only with {@code -o wide}), cell value. */
  private record Column(String name, String type, int priority, Function<JsonNode, Object> cell) {}

  private Tables() {}

  static boolean wanted(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  /** The table of a list or of one object. */
  static String render(RequestPath path, JsonNode body) {
    List<JsonNode> items = new ArrayList<>();
    if (body.has("items")) {
      body.get("items").forEach(items::add);
    } else {
      items.add(body);
    }
    List<Column> columns = columns(path);
    ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    table
        .putObject("metadata")
        .put("resourceVersion", String.valueOf(Json.text(body, "metadata", "resourceVersion")));
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (Column c : columns) {
      definitions
          .addObject()
          .put("name", c.name())
          .put("type", c.type())
          .put("format", c.name().equals("Name") ? "name" : "")
          .put("description", "")
          .put("priority", c.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode item : items) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Column c : columns) {
        cells.addPOJO(c.cell().apply(item));
      }
      ObjectNode object = row.putObject("object");
      object.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
      object.set("metadata", item.path("metadata").deepCopy());
    }
    return Json.write(table);
  }

  private static List<Column> columns(RequestPath path) {
    String key = path.group() + "/" + path.plural();
    return switch (key) {
      case "/pods" ->
          List.of(
              name(),
              text("Ready", 0, Tables::readyContainers),
              text("Status", 0, Tables::podStatus),
              integer("Restarts", Tables::restarts),
              age(),
              text("IP", 1, p -> orNone(Json.text(p, "status", "podIP"))),
              text("Node", 1, p -> orNone(Json.text(p, "spec", "nodeName"))));
      case "/nodes" ->
          List.of(
              name(),
              text("Status", 0, Tables::nodeStatus),
              text("Roles", 0, n -> "<none>"),
              age(),
              text("Version", 0, n -> Json.text(n, "status", "nodeInfo", "kubeletVersion")),
              text("Internal-IP", 1, Tables::internalIp),
              text("OS-Image", 1, n -> Json.text(n, "status", "nodeInfo", "osImage")));
      case "apps/deployments" ->
          List.of(
              name(),
              text(
                  "Ready",
                  0,
                  d -> count(d, "readyReplicas") + "/" + d.path("spec").path("replicas").asInt()),
              integer("Up-to-date", d -> count(d, "updatedReplicas")),
              integer("Available", d -> count(d, "availableReplicas")),
              age(),
              text("Images", 1, Tables::images));
      case "apps/replicasets", "/replicationcontrollers" ->
          List.of(
              name(),
              integer("Desired", r -> r.path("spec").path("replicas").asInt()),
              integer("Current", r -> count(r, "replicas")),
              integer("Ready", r -> count(r, "readyReplicas")),
              age(),
              text("Images", 1, Tables::images));
      case "/events" ->
          List.of(
              text("Last Seen", 0, e -> since(Json.text(e, "lastTimestamp"))),
              text("Type", 0, e -> Json.text(e, "type")),
              text("Reason", 0, e -> Json.text(e, "reason")),
              text(
                  "Object",
                  0,
                  e ->
                      Json.text(e, "involvedObject", "kind").toLowerCase()
                          + "/"
                          + Json.text(e, "involvedObject", "name")),
              text("Message", 0, e -> Json.text(e, "message")),
              nameColumn(1));
      case "/namespaces" ->
          List.of(name(), text("Status", 0, n -> Json.text(n, "status", "phase")), age());
      default -> List.of(name(), age());
    };
  }

  static Column name() {
    return nameColumn(0);
  }

  private static Column nameColumn(int priority) {
    return new Column("Name", "string", priority, o -> Json.text(o, "metadata", "name"));
  }

  static Column age() {
    return text("Age", 0, o -> since(Json.text(o, "metadata", "creationTimestamp")));
  }

  static Column text(String name, int priority, Function<JsonNode, Object> cell) {
    return new Column(name, "string", priority, cell);
  }

  static Column integer(String name, Function<JsonNode, Object> cell) {
    return new Column(name, "integer", 0, cell);
  }

  private static int count(JsonNode object, String field) {
    return object.path("status").path(field).asInt(0);
  }

  private static String images(JsonNode workload) {
    List<String> images = new ArrayList<>();
    workload
        .path("spec")
        .path("template")
        .path("spec")
        .path("containers")
        .forEach(c -> images.add(Json.text(c, "image")));
    return String.join(",", images);
  }

  private static String readyContainers(JsonNode pod) {
    int total = pod.path("spec").path("containers").size();
    int ready = 0;
    for (JsonNode s : pod.path("status").path("containerStatuses")) {
      ready += s.path("ready").asBoolean() ? 1 : 0;
    }
    return ready + "/" + total;
  }

  /**
   * What kubectl shows: a waiting container's reason, else the phase (Terminating when deleting).
   */
  private static String podStatus(JsonNode pod) {
    if (pod.path("metadata").has("deletionTimestamp")) {
      return "Terminating";
    }
    for (JsonNode s : pod.path("status").path("containerStatuses")) {
      String waiting = Json.text(s, "state", "waiting", "reason");
      if (waiting != null) {
        return waiting;
      }
    }
    String phase = Json.text(pod, "status", "phase");
    return phase == null ? "Pending" : phase;
  }

  private static int restarts(JsonNode pod) {
    int restarts = 0;
    for (JsonNode s : pod.path("status").path("containerStatuses")) {
      restarts += s.path("restartCount").asInt(0);
    }
    return restarts;
  }

  private static String orNone(String value) {
    return value == null || value.isEmpty() ? "<none>" : value;
  }

  private static String nodeStatus(JsonNode node) {
    String ready = "Unknown";
    for (JsonNode c : node.path("status").path("conditions")) {
      if ("Ready".equals(Json.text(c, "type"))) {
        ready = "True".equals(Json.text(c, "status")) ? "Ready" : "NotReady";
      }
    }
    return node.path("spec").path("unschedulable").asBoolean()
        ? ready + ",SchedulingDisabled"
        : ready;
  }

  private static String internalIp(JsonNode node) {
    for (JsonNode a : node.path("status").path("addresses")) {
      if ("InternalIP".equals(Json.text(a, "type"))) {
        return Json.text(a, "address");
      }
    }
    return "<none>";
  }

  /** Ages as kubectl prints them: 45s, 3m12s, 25m, 5h3m, 2d4h... */
  static String since(String timestamp) {
    if (timestamp == null) {
      return "<unknown>";
    }
    Duration d = Duration.between(Instant.parse(timestamp), Instant.now());
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    long m = s / 60;
    if (m < 10) {
      return m + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }
    if (m < 180) {
      return m + "m";
    }
    long h = m / 60;
    if (h < 8) {
      return h + "h" + (m % 60 == 0 ? "" : m % 60 + "m");
    }
    if (h < 48) {
      return h + "h";
    }
    long days = h / 24;
    return days < 8 ? days + "d" + (h % 24 == 0 ? "" : h % 24 + "h") : days + "d";
  }
}
