package io.jenkins.plugins.containercloud.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a registry's {@code WWW-Authenticate} challenges: Basic with the configured credentials,
 * Bearer with a token fetched from the realm the challenge names. Tokens are kept per scope.
 */
final class RegistryAuthenticator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String registry;
  private final Optional<RegistryCredentials> credentials;
  private final HttpClient http;
  private final Duration timeout;
  private final Map<String, String> headersByScope = new ConcurrentHashMap<>();

  RegistryAuthenticator(
      String registry,
      Optional<RegistryCredentials> credentials,
      HttpClient http,
      Duration timeout) {
    this.registry = registry;
    this.credentials = credentials;
    this.http = http;
    this.timeout = timeout;
  }

  /** The Authorization header already earned for this scope, if any. */
  Optional<String> cachedHeader(String scope) {
    return Optional.ofNullable(headersByScope.get(scope));
  }

  /** Answers a 401's challenge for a scope; the header is cached for the next requests. */
  String answer(String wwwAuthenticate, String scope) throws IOException, InterruptedException {
    AuthChallenge challenge =
        AuthChallenge.parse(wwwAuthenticate)
            .orElseThrow(
                () ->
                    RegistryException.forStatus(
                        "registry "
                            + registry
                            + " answered 401 without a WWW-Authenticate challenge",
                        401));
    String header;
    if (challenge.isBasic()) {
      header = basicHeader(requireCredentials(401));
    } else if (challenge.isBearer()) {
      header = "Bearer " + fetchToken(challenge, scope);
    } else {
      throw RegistryException.forStatus(
          "registry "
              + registry
              + " asks for unsupported authentication scheme "
              + challenge.scheme(),
          401);
    }
    headersByScope.put(scope, header);
    return header;
  }

  /** The failure for credentials the registry did not accept. */
  RegistryException refused(int status, String what) {
    String who = credentials.map(RegistryCredentials::toString).orElse(null);
    if (status == 401) {
      return RegistryFailures.unauthorized(registry, what, Optional.ofNullable(who));
    }
    return RegistryException.forStatus(
        "registry "
            + registry
            + " denied "
            + (who == null ? "anonymous access" : who)
            + " to "
            + what
            + ": "
            + status,
        status);
  }

  private RegistryCredentials requireCredentials(int status) {
    return credentials.orElseThrow(() -> refused(status, "this request"));
  }

  private static String basicHeader(RegistryCredentials credentials) {
    String pair = credentials.username() + ":" + credentials.secret();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private String fetchToken(AuthChallenge challenge, String scope)
      throws IOException, InterruptedException {
    String realm = challenge.parameter("realm");
    if (realm.isEmpty()) {
      throw RegistryException.forStatus(
          "registry " + registry + " asked for a Bearer token but named no realm", 401);
    }
    String service = challenge.parameter("service");
    HttpRequest request =
        credentials.filter(RegistryCredentials::isIdentityToken).isPresent()
            ? refreshTokenRequest(realm, service, scope)
            : tokenRequest(realm, service, scope);
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      String who = credentials.map(RegistryCredentials::toString).orElse("anonymous access");
      throw RegistryException.forStatus(
          "token service "
              + URI.create(realm).getAuthority()
              + " of registry "
              + registry
              + " refused the credentials for "
              + who
              + " ("
              + response.statusCode()
              + "): check the user name and the password or token",
          response.statusCode());
    }
    if (response.statusCode() != 200) {
      throw RegistryException.forStatus(
          "token service "
              + URI.create(realm).getAuthority()
              + " answered "
              + response.statusCode(),
          response.statusCode());
    }
    JsonNode body = JSON.readTree(response.body());
    String token = body.path("token").asText(body.path("access_token").asText(""));
    if (token.isEmpty()) {
      throw RegistryException.forStatus(
          "token service " + URI.create(realm).getAuthority() + " answered without a token", 502);
    }
    return token;
  }

  private HttpRequest tokenRequest(String realm, String service, String scope) {
    StringBuilder query = new StringBuilder();
    appendParam(query, "service", service);
    appendParam(query, "scope", scope);
    String separator = realm.contains("?") ? "&" : "?";
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(realm + (query.isEmpty() ? "" : separator + query)))
            .timeout(timeout)
            .GET();
    credentials.ifPresent(c -> builder.header("Authorization", basicHeader(c)));
    return builder.build();
  }

  /** OAuth2 refresh-token grant, as Docker uses for identity tokens. */
  private HttpRequest refreshTokenRequest(String realm, String service, String scope) {
    StringBuilder form = new StringBuilder();
    appendParam(form, "grant_type", "refresh_token");
    appendParam(form, "refresh_token", credentials.orElseThrow().secret());
    appendParam(form, "service", service);
    appendParam(form, "scope", scope);
    appendParam(form, "client_id", "container-cloud");
    return HttpRequest.newBuilder(URI.create(realm))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
        .build();
  }

  private static void appendParam(StringBuilder query, String name, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (!query.isEmpty()) {
      query.append('&');
    }
    query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
