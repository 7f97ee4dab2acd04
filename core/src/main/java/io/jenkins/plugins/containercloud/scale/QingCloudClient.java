package io.jenkins.plugins.containercloud.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls QingCloud's IaaS API: signed GET requests to one endpoint and zone, with the common
 * parameters, answers parsed as JSON and {@code ret_code} errors turned into {@link
 * ProviderException}s of the kind the autoscaler acts on. The secret key is read from its {@link
 * SecretRef} for each call and appears in no log, message or exception.
 */
final class QingCloudClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME_STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final URI endpoint;
  private final String zone;
  private final String accessKeyId;
  private final SecretRef secret;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;

  QingCloudClient(
      URI endpoint,
      String zone,
      String accessKeyId,
      SecretRef secret,
      Duration timeout,
      Clock clock) {
    this.endpoint = endpoint;
    this.zone = zone;
    this.accessKeyId = accessKeyId;
    this.secret = secret;
    this.timeout = timeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  String zone() {
    return zone;
  }

  /** Calls {@code action} in the client's zone; the answer when its {@code ret_code} is 0. */
  JsonNode call(String action, Map<String, String> params) {
    Map<String, String> all = new LinkedHashMap<>(params);
    all.put("action", action);
    all.put("zone", zone);
    all.put("access_key_id", accessKeyId);
    all.put("signature_method", "HmacSHA256");
    all.put("signature_version", "1");
    all.put("version", "1");
    all.put("time_stamp", TIME_STAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    String path = endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
    String query = QingCloudSigner.signedQuery("GET", path, all, secretValue());
    URI uri =
        URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path + "?" + query);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ProviderException(
          "Timeout",
          ProviderException.Kind.TRANSIENT,
          "QingCloud " + action + ": no answer within " + timeout,
          null);
    } catch (IOException e) {
      throw new ProviderException(
          "ConnectionFailed",
          ProviderException.Kind.TRANSIENT,
          "QingCloud " + action + ": cannot reach " + endpoint + ": " + e,
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("Interrupted", ProviderException.Kind.OTHER, "interrupted", e);
    }
    try {
      return answer(action, response);
    } catch (ProviderException e) {
      if (!"QingCloud1200".equals(e.code())) {
        throw e;
      }
      // Which key and which secret reference were used: both are safe to show, the secret is not.
      throw new ProviderException(
          e.code(),
          e.kind(),
          e.getMessage() + " (accessKeyId " + accessKeyId + ", secret " + secret.reference() + ")",
          null);
    }
  }

  private String secretValue() {
    try {
      return secret.resolve();
    } catch (RuntimeException e) {
      // The reference is named, the value never.
      throw new ProviderException(
          "SecretUnreadable", ProviderException.Kind.INVALID, e.getMessage(), null);
    }
  }

  private static JsonNode answer(String action, HttpResponse<String> response) {
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      body = null;
    }
    if (response.statusCode() != 200 || body == null || !body.has("ret_code")) {
      throw new ProviderException(
          "Http" + response.statusCode(),
          response.statusCode() >= 500
              ? ProviderException.Kind.TRANSIENT
              : ProviderException.Kind.OTHER,
          "QingCloud "
              + action
              + ": HTTP "
              + response.statusCode()
              + " without a QingCloud answer (is the endpoint QingCloud's API, e.g."
              + " https://api.qingcloud.com/iaas/?)",
          null);
    }
    int code = body.path("ret_code").asInt();
    if (code != 0) {
      throw error(action, code, body.path("message").asText(""));
    }
    return body;
  }

  /** The exception for QingCloud's {@code ret_code} (docs: development_docs/api/error_code.md). */
  static ProviderException error(String action, int code, String message) {
    String hint =
        switch (code) {
          case 1200 ->
              "; check the provider's accessKeyId and the secret secretAccessKey refers to";
          case 1300 ->
              "; the request's time_stamp was more than 60 s off: check this machine's clock";
          case 2400, 2500 -> "; the pool is left alone for a while";
          case 5200 -> "; QingCloud has no capacity for this template now";
          default -> "";
        };
    return new ProviderException(
        "QingCloud" + code,
        kind(code),
        "QingCloud " + action + ": ret_code " + code + ": " + message + hint,
        null);
  }

  /** What the autoscaler does about a {@code ret_code}. */
  static ProviderException.Kind kind(int code) {
    return switch (code) {
      // Server busy: QingCloud's SDKs retry it, after a randomised wait.
      case 5100 -> ProviderException.Kind.THROTTLED;
      case 5000, 5300 -> ProviderException.Kind.TRANSIENT;
      // No backend capacity, quota (resources or the daily API quota) or balance: another pool.
      case 2400, 2500, 5200 -> ProviderException.Kind.CAPACITY;
      case 1100, 1101, 1200, 1300, 1400, 2100, 2110, 3300 -> ProviderException.Kind.INVALID;
      default -> ProviderException.Kind.OTHER;
    };
  }
}
