package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** The pod QoS class the API server records on creation, from the containers' resources. */
final class QosClass {

  private QosClass() {}

  static String of(JsonNode podSpec) {
    boolean any = false;
    boolean guaranteed = true;
    for (JsonNode container : podSpec.path("containers")) {
      JsonNode requests = container.path("resources").path("requests");
      JsonNode limits = container.path("resources").path("limits");
      any |= requests.size() > 0 || limits.size() > 0;
      for (String resource : new String[] {"cpu", "memory"}) {
        JsonNode limit = limits.get(resource);
        JsonNode request = requests.has(resource) ? requests.get(resource) : limit;
        if (limit == null
            || !Quantities.parse(limit.asText()).equals(Quantities.parse(request.asText()))) {
          guaranteed = false;
        }
      }
    }
    if (!any) {
      return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
  }
}
