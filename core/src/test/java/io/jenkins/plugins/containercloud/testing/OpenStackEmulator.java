package io.jenkins.plugins.containercloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The testbed's OpenStack emulator (goose's Keystone v3 and Nova doubles) as a test sees it: its
 * settings, the servers as an admin sees them (with their user data), and its control routes that
 * queue a fault for an owner's next boots or expire every token.
 */
public final class OpenStackEmulator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  /** Keystone's v3 URL. */
  public String authUrl() {
    return Testbed.require("TESTBED_OPENSTACK_AUTH_URL");
  }

  /** The emulator's root, for its control routes. */
  private String root() {
    return authUrl().replaceAll("/v3/?$", "");
  }

  /** The provider settings of the emulator's user, its password by reference. */
  public Map<String, String> settings() {
    return Map.of(
        "authUrl",
        authUrl(),
        "username",
        Testbed.require("TESTBED_OPENSTACK_USER"),
        "projectName",
        Testbed.require("TESTBED_OPENSTACK_PROJECT"),
        "passwordRef",
        "file:" + Testbed.require("TESTBED_OPENSTACK_PASSWORD_FILE"),
        "pollInterval",
        "PT0.2S",
        "throttleBackoff",
        "PT0.02S");
  }

  /** Every server, with metadata, status and user data ({@code OS-EXT-SRV-ATTR:user_data}). */
  public List<JsonNode> servers() {
    String[] session = authenticate();
    JsonNode body =
        send(
            HttpRequest.newBuilder(URI.create(session[1] + "/servers/detail"))
                .header("X-Auth-Token", session[0])
                .build());
    List<JsonNode> servers = new ArrayList<>();
    body.path("servers").forEach(servers::add);
    return servers;
  }

  /**
   * Queues a fault for the next {@code times} boots of {@code owner}'s servers: a status and
   * message (a Nova fault body), or with {@code build = "ERROR"} a server that fails its build.
   */
  public void fault(String owner, int status, String build, String message, int times) {
    Map<String, Object> fault =
        Map.of(
            "owner",
            owner,
            "status",
            status,
            "build",
            build == null ? "" : build,
            "message",
            message,
            "times",
            times);
    try {
      send(
          HttpRequest.newBuilder(URI.create(root() + "/testbed/faults"))
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fault)))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives the user a new token: holders of the old one get 401 from Nova. */
  public void expireTokens() {
    send(
        HttpRequest.newBuilder(URI.create(root() + "/testbed/expire-tokens"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  /** Token and compute endpoint. */
  private String[] authenticate() {
    try {
      String password =
          Files.readString(Path.of(Testbed.require("TESTBED_OPENSTACK_PASSWORD_FILE"))).trim();
      String body =
          JSON.writeValueAsString(
              Map.of(
                  "auth",
                  Map.of(
                      "identity",
                      Map.of(
                          "methods",
                          List.of("password"),
                          "password",
                          Map.of(
                              "user",
                              Map.of(
                                  "name",
                                  Testbed.require("TESTBED_OPENSTACK_USER"),
                                  "domain",
                                  Map.of("id", "default"),
                                  "password",
                                  password))),
                      "scope",
                      Map.of(
                          "project",
                          Map.of(
                              "name",
                              Testbed.require("TESTBED_OPENSTACK_PROJECT"),
                              "domain",
                              Map.of("id", "default"))))));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(authUrl() + "/auth/tokens"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String token = response.headers().firstValue("X-Subject-Token").orElseThrow();
      for (JsonNode service : JSON.readTree(response.body()).path("token").path("catalog")) {
        if (service.path("type").asText().equals("compute")) {
          for (JsonNode e : service.path("endpoints")) {
            if (e.path("interface").asText().equals("public")) {
              return new String[] {token, e.path("url").asText()};
            }
          }
        }
      }
      throw new IllegalStateException("the emulator's catalogue has no public compute endpoint");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            request.uri() + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
