package io.jenkins.plugins.containercloud.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;

/**
 * Turns a Nova fault ({@code {"<faultName>": {"code": N, "message": "..."}}}) into a {@link
 * ProviderException} of the kind the autoscaler acts on: quota refusals (403, or 413, saying "Quota
 * exceeded") are capacity; 429 and other 413s are throttling; 5xx are transient; the rest are
 * invalid requests. The code is Nova's fault name ({@code forbidden}, {@code overLimit}, ...).
 */
final class NovaFaults {

  private static final ObjectMapper JSON = new ObjectMapper();

  private NovaFaults() {}

  static ProviderException of(String method, String path, HttpResponse<String> response) {
    int status = response.statusCode();
    String name = "http" + status;
    String message = "";
    try {
      JsonNode body = JSON.readTree(response.body());
      Iterator<String> names = body == null ? null : body.fieldNames();
      if (names != null && names.hasNext()) {
        name = names.next();
        message = body.path(name).path("message").asText("");
      }
    } catch (IOException e) {
      // not JSON (a proxy's page): the status decides alone
    }
    String lower = message.toLowerCase(Locale.ROOT);
    boolean quota = lower.contains("quota") || lower.contains("limit exceeded for");
    ProviderException.Kind kind;
    if ((status == 403 || status == 413) && quota) {
      kind = ProviderException.Kind.CAPACITY;
      name = "QuotaExceeded";
    } else if (status == 429 || status == 413) {
      kind = ProviderException.Kind.THROTTLED;
    } else if (status >= 500) {
      kind = ProviderException.Kind.TRANSIENT;
    } else {
      kind = ProviderException.Kind.INVALID;
    }
    String retryAfter =
        response.headers().firstValue("Retry-After").map(s -> ", Retry-After " + s).orElse("");
    return new ProviderException(
        name,
        kind,
        "Nova "
            + method
            + " "
            + path
            + ": "
            + status
            + " "
            + name
            + (message.isEmpty() ? "" : ": " + message)
            + retryAfter,
        null);
  }
}
