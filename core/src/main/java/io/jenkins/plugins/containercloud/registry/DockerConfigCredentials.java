package io.jenkins.plugins.containercloud.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Credentials from a Docker {@code config.json}: per-registry credential helpers ({@code
 * credHelpers}), inline {@code auths} entries, and the default store ({@code credsStore}), in the
 * order Docker itself consults them.
 */
public final class DockerConfigCredentials implements CredentialSource {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HELPER_TIMEOUT_SECONDS = 30;
  private static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

  private final JsonNode config;
  private final Path source;
  private final Path helperDirectory;

  private DockerConfigCredentials(JsonNode config, Path source, Path helperDirectory) {
    this.config = config;
    this.source = source;
    this.helperDirectory = helperDirectory;
  }

  /**
   * Reads {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}; an absent file is
   * an empty configuration.
   */
  public static DockerConfigCredentials fromEnvironment() {
    String dir = System.getenv("DOCKER_CONFIG");
    Path folder =
        dir != null && !dir.isBlank()
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), ".docker");
    return load(folder.resolve("config.json"));
  }

  /** Reads the given {@code config.json}; an absent file is an empty configuration. */
  public static DockerConfigCredentials load(Path configJson) {
    return load(configJson, null);
  }

  /** As {@link #load(Path)}, with credential helpers looked up in a folder rather than the PATH. */
  static DockerConfigCredentials load(Path configJson, Path helperDirectory) {
    if (!Files.isRegularFile(configJson)) {
      return new DockerConfigCredentials(JSON.createObjectNode(), configJson, helperDirectory);
    }
    try {
      return new DockerConfigCredentials(
          JSON.readTree(configJson.toFile()), configJson, helperDirectory);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Docker configuration " + configJson + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<RegistryCredentials> find(String registry) {
    String helper = config.path("credHelpers").path(registry).asText("");
    if (!helper.isEmpty()) {
      return runHelper(helper, registry);
    }
    Optional<RegistryCredentials> inline = fromAuths(registry);
    if (inline.isPresent()) {
      return inline;
    }
    String store = config.path("credsStore").asText("");
    return store.isEmpty() ? Optional.empty() : runHelper(store, registry);
  }

  private Optional<RegistryCredentials> fromAuths(String registry) {
    JsonNode auths = config.path("auths");
    for (String key : keysFor(registry)) {
      JsonNode entry = auths.path(key);
      if (entry.isObject()) {
        return parseAuthEntry(entry, registry);
      }
    }
    return Optional.empty();
  }

  /** Docker writes some entries as URLs, and Docker Hub under its legacy v1 URL. */
  private static List<String> keysFor(String registry) {
    if (registry.equals(ImageReference.DOCKER_HUB)) {
      return List.of(DOCKER_HUB_KEY, "docker.io", "index.docker.io", "https://index.docker.io");
    }
    return List.of(
        registry, "https://" + registry, "http://" + registry, "https://" + registry + "/v2/");
  }

  private Optional<RegistryCredentials> parseAuthEntry(JsonNode entry, String registry) {
    String identityToken = entry.path("identitytoken").asText("");
    if (!identityToken.isEmpty()) {
      return Optional.of(RegistryCredentials.identityToken(identityToken));
    }
    String auth = entry.path("auth").asText("");
    if (!auth.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "the \"auth\" entry for " + registry + " in " + source + " is not valid base64");
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "the \"auth\" entry for "
                + registry
                + " in "
                + source
                + " is not base64(user:password)");
      }
      return Optional.of(
          RegistryCredentials.of(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
    String username = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    if (!username.isEmpty() && !password.isEmpty()) {
      return Optional.of(RegistryCredentials.of(username, password));
    }
    return Optional.empty();
  }

  /** Runs {@code docker-credential-<name> get}, which reads the server URL and prints JSON. */
  private Optional<RegistryCredentials> runHelper(String name, String registry) {
    String program = "docker-credential-" + name;
    String executable =
        helperDirectory == null ? program : helperDirectory.resolve(program).toString();
    String serverUrl = registry.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_KEY : registry;
    try {
      Process process =
          new ProcessBuilder(executable, "get")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      }
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(HELPER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "credential helper "
                + program
                + " did not answer within "
                + HELPER_TIMEOUT_SECONDS
                + "s");
      }
      if (process.exitValue() != 0) {
        // Helpers exit non-zero with "credentials not found in native keychain": not an error.
        return Optional.empty();
      }
      JsonNode answer = JSON.readTree(output);
      String username = answer.path("Username").asText("");
      String secret = answer.path("Secret").asText("");
      if (secret.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          username.equals(RegistryCredentials.IDENTITY_TOKEN_USER) || username.isEmpty()
              ? RegistryCredentials.identityToken(secret)
              : RegistryCredentials.of(username, secret));
    } catch (IOException e) {
      // The message of a failed parse could quote the helper's output, which holds the secret.
      throw new IllegalStateException(
          "credential helper "
              + program
              + " (from "
              + source
              + ") could not be run or gave no JSON");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running credential helper " + program, e);
    }
  }
}
