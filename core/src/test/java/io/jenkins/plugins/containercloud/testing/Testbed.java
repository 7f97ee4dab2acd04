package io.jenkins.plugins.containercloud.testing;

import static org.assertj.core.api.Assertions.fail;

import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RegistryCredentials;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The testbed's services as the environment of {@code testbed/env} describes them. A test that
 * needs a service that is not there fails (never skips) with the command that starts it.
 */
public final class Testbed {

  private static final String HOW =
      "; run testbed/up, then eval \"$(testbed/env)\" before the tests";

  private Testbed() {}

  /** The Docker daemon's address, checked to answer. */
  public static String dockerHost() {
    String host = require("DOCKER_HOST");
    if (host.startsWith("unix://") && !Files.exists(Path.of(host.substring("unix://".length())))) {
      fail("the testbed's Docker daemon socket " + host + " does not exist" + HOW);
    }
    return host;
  }

  /** host:port of the open registry, checked to listen. */
  public static String registry() {
    return listening(require("TESTBED_REGISTRY"));
  }

  /** host:port of the registry that wants Basic credentials, checked to listen. */
  public static String authRegistry() {
    return listening(require("TESTBED_AUTH_REGISTRY"));
  }

  /** The auth registry's user and password. */
  public static RegistryCredentials authRegistryCredentials() {
    return RegistryCredentials.of(
        require("TESTBED_AUTH_REGISTRY_USER"), require("TESTBED_AUTH_REGISTRY_PASSWORD"));
  }

  /** The auth registry's credentials, offered for that registry only. */
  public static CredentialSource authRegistryCredentialSource() {
    String registry = authRegistry();
    RegistryCredentials credentials = authRegistryCredentials();
    return host ->
        host.equals(registry) ? java.util.Optional.of(credentials) : java.util.Optional.empty();
  }

  /** The busybox base image in the open registry. */
  public static ImageReference baseImage() {
    registry();
    return ImageReference.parse(require("TESTBED_BASE_IMAGE"));
  }

  /** A repository name no other test uses, in the given registry. */
  public static ImageReference uniqueImage(String registry, String name) {
    return ImageReference.parse(
        registry + "/it/" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ":1");
  }

  /** The JDBC URL of the testbed's PostgreSQL database, checked to listen. */
  public static String postgresUrl() {
    String url = require("TESTBED_POSTGRES_URL");
    String prefix = "jdbc:postgresql://";
    if (!url.startsWith(prefix)) {
      fail("TESTBED_POSTGRES_URL is no jdbc:postgresql:// URL: " + url);
    }
    String rest = url.substring(prefix.length());
    int end = rest.indexOf('/');
    listening(end < 0 ? rest : rest.substring(0, end));
    return url;
  }

  /** The user of the testbed's PostgreSQL database. */
  public static String postgresUser() {
    return require("TESTBED_POSTGRES_USER");
  }

  /** That user's password. */
  public static String postgresPassword() {
    return require("TESTBED_POSTGRES_PASSWORD");
  }

  /** The folder of the sample application, found from the module's working directory. */
  public static Path helloApp() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs/examples/hello-app");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return fail("docs/examples/hello-app not found above " + Path.of("").toAbsolutePath());
  }

  /** An environment variable that {@code testbed/env} exports. */
  public static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      fail(name + " is not set" + HOW);
    }
    return value;
  }

  private static String listening(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try (Socket ignored =
        new Socket(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))) {
      return hostPort;
    } catch (IOException e) {
      return fail("nothing listens on " + hostPort + HOW);
    }
  }
}
