package io.jenkins.plugins.containercloud.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A Keystone v3 password session: POST {@code /auth/tokens} (user and project by name or id, each
 * with its domain), the token from {@code X-Subject-Token}, and the URL of one service from the
 * token's catalogue (by type, interface and, if set, region). The password is read from its
 * reference at each authentication and never kept, logged or put in an error.
 */
final class KeystoneSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;
  private final ProviderSettings settings;
  private final SecretRef password;
  private String token;
  private String endpoint;

  KeystoneSession(HttpClient http, Duration timeout, ProviderSettings settings) {
    this.http = http;
    this.timeout = timeout;
    this.settings = settings;
    this.password = settings.secret("passwordRef");
  }

  /** The current token, authenticating first when there is none. */
  synchronized String token() {
    if (token == null) {
      authenticate();
    }
    return token;
  }

  /** The compute endpoint of the catalogue, authenticating first when needed. */
  synchronized String computeEndpoint() {
    if (endpoint == null) {
      authenticate();
    }
    return endpoint;
  }

  /** Forgets {@code rejected} (the service answered 401), so the next call authenticates again. */
  synchronized void invalidate(String rejected) {
    if (rejected != null && rejected.equals(token)) {
      token = null;
    }
  }

  private void authenticate() {
    String authUrl = settings.required("authUrl").replaceAll("/+$", "");
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(authUrl + "/auth/tokens"))
                  .timeout(timeout)
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body())))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProviderException(
          "KeystoneUnreachable",
          ProviderException.Kind.TRANSIENT,
          "Keystone " + authUrl + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("Interrupted", ProviderException.Kind.OTHER, "interrupted", e);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new ProviderException(
          "Unauthorized",
          ProviderException.Kind.INVALID,
          "Keystone refused user "
              + settings.required("username")
              + " ("
              + status
              + "): check provider.username, provider.password ("
              + password.reference()
              + "), the domains and the project",
          null);
    }
    if (status >= 500) {
      throw new ProviderException(
          "KeystoneError",
          ProviderException.Kind.TRANSIENT,
          "Keystone answered " + status + " to the authentication",
          null);
    }
    String subject = response.headers().firstValue("X-Subject-Token").orElse(null);
    if (status != 201 || subject == null) {
      throw new ProviderException(
          "KeystoneError",
          ProviderException.Kind.INVALID,
          "Keystone answered "
              + status
              + (subject == null ? " without an X-Subject-Token" : "")
              + " at "
              + authUrl
              + "/auth/tokens: check provider.authUrl (the v3 URL, e.g. https://keystone:5000/v3)",
          null);
    }
    String url;
    try {
      url = serviceUrl(JSON.readTree(response.body()).path("token").path("catalog"));
    } catch (IOException e) {
      throw new ProviderException(
          "KeystoneError", ProviderException.Kind.OTHER, "Keystone's token is not JSON", e);
    }
    token = subject;
    endpoint = url.replaceAll("/+$", "");
  }

  private String serviceUrl(JsonNode catalog) {
    String type = "compute";
    String wanted = settings.optional("interface", "public");
    String region = settings.optional("region", null);
    for (JsonNode service : catalog) {
      if (!type.equals(service.path("type").asText())) {
        continue;
      }
      for (JsonNode e : service.path("endpoints")) {
        boolean regionMatches =
            region == null
                || region.equals(e.path("region_id").asText(null))
                || region.equals(e.path("region").asText(null));
        if (wanted.equals(e.path("interface").asText()) && regionMatches) {
          return e.path("url").asText();
        }
      }
    }
    throw new ProviderException(
        "NoComputeEndpoint",
        ProviderException.Kind.INVALID,
        "Keystone's catalogue has no "
            + wanted
            + " compute endpoint"
            + (region == null ? "" : " in region " + region)
            + ": check provider.region and provider.interface",
        null);
  }

  /** The password authentication request; the password is read here and only here. */
  private ObjectNode body() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode auth = root.putObject("auth");
    ObjectNode identity = auth.putObject("identity");
    identity.putArray("methods").add("password");
    ObjectNode user = identity.putObject("password").putObject("user");
    user.put("name", settings.required("username"));
    domain(user, "userDomainName", "userDomainId");
    user.put("password", password.resolve());
    ObjectNode project = auth.putObject("scope").putObject("project");
    String projectId = settings.optional("projectId", null);
    if (projectId != null) {
      project.put("id", projectId);
    } else {
      project.put("name", settings.required("projectName"));
      domain(project, "projectDomainName", "projectDomainId");
    }
    return root;
  }

  private void domain(ObjectNode owner, String nameKey, String idKey) {
    String name = settings.optional(nameKey, null);
    if (name != null) {
      owner.putObject("domain").put("name", name);
    } else {
      owner.putObject("domain").put("id", settings.optional(idKey, "default"));
    }
  }

  @Override
  public String toString() {
    // Never the token or the password.
    return "KeystoneSession[" + settings.optional("authUrl", "?") + "]";
  }
}
