package io.jenkins.plugins.containercloud.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the simulated API server rejects, answered as a Kubernetes {@code Status}. */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;

  ApiException(int code, String reason, String message) {
    super(message);
    this.code = code;
    this.reason = reason;
  }

  static ApiException notFound(RequestPath path) {
    return new ApiException(404, "NotFound", path.plural() + " \"" + path.name() + "\" not found");
  }

  static ApiException conflict(RequestPath path) {
    return new ApiException(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + path.plural()
            + " \""
            + path.name()
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again");
  }

  int code() {
    return code;
  }

  String toStatusJson() {
    ObjectNode status = Json.object();
    status.put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
    status.put("code", code);
    return Json.write(status);
  }
}
