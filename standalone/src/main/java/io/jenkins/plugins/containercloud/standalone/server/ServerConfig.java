package io.jenkins.plugins.containercloud.standalone.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.webhook.HookSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's configuration ({@code --config FILE}, see {@code docs/server.md}): where it listens,
 * its clusters, the history database, registries, users and API tokens. Read and validated whole
 * before the server starts; the environment overrides where it listens and the database.
 */
public record ServerConfig(
    String host,
    int port,
    List<ClusterConfig> clusters,
    String historyUrl,
    String historyUser,
    String historyPassword,
    List<RegistryLogin> registries,
    List<User> users,
    List<ApiToken> tokens,
    String sessionKey,
    List<HookSettings> webhooks) {

  /** A registry login, for the server's pulls and digest look-ups. */
  public record RegistryLogin(String host, String username, String password) {
    @Override
    public String toString() {
      return "RegistryLogin[" + host + ", " + username + "]"; // never the password
    }
  }

  /** A user who logs in with a password; {@code passwordHash} as {@link PasswordHash} writes. */
  public record User(String name, Role role, String passwordHash) {}

  /** An API token for scripts, stored hashed. */
  public record ApiToken(String name, Role role, String tokenHash) {}

  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 8080;

  /** The same configuration listening where the command line says, where it says anything. */
  public ServerConfig listeningOn(String newHost, Integer newPort) {
    return new ServerConfig(
        newHost == null ? host : newHost,
        newPort == null ? port : newPort,
        clusters,
        historyUrl,
        historyUser,
        historyPassword,
        registries,
        users,
        tokens,
        sessionKey,
        webhooks);
  }

  /** No file: loopback, port 8080, the sandbox cluster and the embedded history. */
  public static ServerConfig defaults(Map<String, String> environment) {
    return overridden(
        new ServerConfig(
            DEFAULT_HOST,
            DEFAULT_PORT,
            List.of(),
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of()),
        environment);
  }

  /**
   * Reads and validates {@code file}.
   *
   * @throws ConfigException naming the first wrong key and the fix
   */
  public static ServerConfig read(Path file, Map<String, String> environment) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException("--config", "no such file: " + file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "is not valid YAML: " + firstLine(e.getMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return defaults(environment);
    }
    Path base = file.toAbsolutePath().getParent();
    ConfigNode top =
        new ConfigNode("", root, environment, base)
            .only(
                "server",
                "clusters",
                "history",
                "registries",
                "users",
                "apiTokens",
                "nodePools",
                "webhooks",
                "leaderElection");
    String host = DEFAULT_HOST;
    int port = DEFAULT_PORT;
    String sessionKey = null;
    if (top.has("server")) {
      ConfigNode server = top.get("server").only("host", "port", "sessionKey");
      host = server.has("host") ? server.text("host") : DEFAULT_HOST;
      port = server.integer("port", DEFAULT_PORT, 0, 65535);
      sessionKey = server.secret("sessionKey");
    }
    String historyUrl = null;
    String historyUser = null;
    String historyPassword = null;
    if (top.has("history")) {
      ConfigNode history = top.get("history").only("url", "user", "password");
      historyUrl = history.requiredText("url", "jdbc:postgresql://db:5432/containercloud");
      if (!historyUrl.startsWith("jdbc:")) {
        throw new ConfigException(
            history.path() + ".url", "must be a JDBC URL starting with jdbc:");
      }
      historyUser = history.text("user");
      historyPassword = history.secret("password");
    }
    List<ClusterConfig> clusters = clusters(top);
    Set<String> clusterNames = new java.util.TreeSet<>();
    clusters.forEach(c -> clusterNames.add(c.name()));
    if (clusterNames.isEmpty()) {
      clusterNames.add("sandbox");
    }
    return overridden(
        new ServerConfig(
            host,
            port,
            clusters,
            historyUrl,
            historyUser,
            historyPassword,
            registries(top),
            users(top),
            tokens(top),
            sessionKey,
            WebhookConfig.read(top, clusterNames)),
        environment);
  }

  private static List<ClusterConfig> clusters(ConfigNode top) {
    List<ClusterConfig> clusters = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode c : top.list("clusters")) {
      c.only(
          "name", "kubeconfig", "context", "namespace", "server", "token", "caFile", "inCluster");
      String name = c.requiredText("name", "production");
      if (!name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
        throw new ConfigException(
            c.path() + ".name", "'" + name + "' must be lower-case letters, digits and '-'");
      }
      if (!names.add(name)) {
        throw new ConfigException(c.path() + ".name", "another cluster is already named " + name);
      }
      int sources =
          (c.has("kubeconfig") ? 1 : 0) + (c.has("server") ? 1 : 0) + (c.bool("inCluster") ? 1 : 0);
      if (sources != 1) {
        throw new ConfigException(
            c.path(),
            "give exactly one of kubeconfig (with context), server (with token) or inCluster: true");
      }
      String namespace = c.text("namespace");
      if (c.has("kubeconfig")) {
        clusters.add(
            ClusterConfig.kubeconfig(name, c.file("kubeconfig"), c.text("context"), namespace));
      } else if (c.has("server")) {
        URI server;
        try {
          server = URI.create(c.text("server"));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              c.path() + ".server", "is not a URL, e.g. https://10.0.0.1:6443");
        }
        String token = c.secret("token");
        if (token == null) {
          throw new ConfigException(
              c.path() + ".token", "is required with server: {env: VARIABLE} or {file: PATH}");
        }
        String ca = null;
        Path caFile = c.file("caFile");
        if (caFile != null) {
          try {
            ca = Files.readString(caFile);
          } catch (IOException e) {
            throw new ConfigException(c.path() + ".caFile", "cannot be read: " + e.getMessage());
          }
        }
        clusters.add(ClusterConfig.token(name, server, token, ca, namespace));
      } else {
        clusters.add(ClusterConfig.inCluster(name, namespace));
      }
    }
    return clusters;
  }

  private static List<RegistryLogin> registries(ConfigNode top) {
    List<RegistryLogin> logins = new ArrayList<>();
    for (ConfigNode r : top.list("registries")) {
      r.only("host", "username", "password");
      logins.add(
          new RegistryLogin(
              r.requiredText("host", "registry.example.com:5000"),
              r.requiredText("username", "ci"),
              required(r, "password")));
    }
    return logins;
  }

  private static List<User> users(ConfigNode top) {
    List<User> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode u : top.list("users")) {
      u.only("name", "role", "password", "passwordHash");
      String name = u.requiredText("name", "alice");
      if (!names.add(name)) {
        throw new ConfigException(u.path() + ".name", "another user is already named " + name);
      }
      Role role = Role.parse(u.path() + ".role", u.requiredText("role", "viewer"));
      if (u.has("password") == u.has("passwordHash")) {
        throw new ConfigException(
            u.path(), "give exactly one of password ({env: …} or {file: …}) or passwordHash");
      }
      String hash;
      if (u.has("passwordHash")) {
        hash = u.text("passwordHash");
        if (!PasswordHash.isPasswordHash(hash)) {
          throw new ConfigException(
              u.path() + ".passwordHash",
              "is not a pbkdf2-sha256 hash; make one with: container-cloud serve --hash-password");
        }
      } else {
        hash = PasswordHash.hash(u.secret("password").toCharArray());
      }
      users.add(new User(name, role, hash));
    }
    return users;
  }

  private static List<ApiToken> tokens(ConfigNode top) {
    List<ApiToken> tokens = new ArrayList<>();
    for (ConfigNode t : top.list("apiTokens")) {
      t.only("name", "role", "token", "tokenHash");
      String name = t.requiredText("name", "ci");
      Role role = Role.parse(t.path() + ".role", t.requiredText("role", "deployer"));
      if (t.has("token") == t.has("tokenHash")) {
        throw new ConfigException(
            t.path(), "give exactly one of token ({env: …} or {file: …}) or tokenHash");
      }
      String hash =
          t.has("tokenHash") ? t.text("tokenHash") : PasswordHash.tokenHash(t.secret("token"));
      if (!hash.startsWith("sha256$")) {
        throw new ConfigException(t.path() + ".tokenHash", "must start with sha256$");
      }
      tokens.add(new ApiToken(name, role, hash));
    }
    return tokens;
  }

  private static String required(ConfigNode node, String key) {
    String secret = node.secret(key);
    if (secret == null) {
      throw new ConfigException(
          node.path() + "." + key, "is required: {env: VARIABLE} or {file: PATH}");
    }
    return secret;
  }

  /**
   * {@code CONTAINER_CLOUD_HOST}, {@code CONTAINER_CLOUD_PORT} and {@code CONTAINER_CLOUD_DB} (with
   * {@code CONTAINER_CLOUD_DB_USER} / {@code _PASSWORD}) win over the file.
   */
  private static ServerConfig overridden(ServerConfig c, Map<String, String> env) {
    String host = env.getOrDefault("CONTAINER_CLOUD_HOST", c.host());
    int port = c.port();
    String portText = env.get("CONTAINER_CLOUD_PORT");
    if (portText != null && !portText.isBlank()) {
      try {
        port = Integer.parseInt(portText.trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(
            "CONTAINER_CLOUD_PORT", "'" + portText + "' is not a port number");
      }
    }
    String db = env.get("CONTAINER_CLOUD_DB");
    if (db != null && !db.isBlank()) {
      return new ServerConfig(
          host,
          port,
          c.clusters(),
          db,
          env.get("CONTAINER_CLOUD_DB_USER"),
          env.get("CONTAINER_CLOUD_DB_PASSWORD"),
          c.registries(),
          c.users(),
          c.tokens(),
          c.sessionKey(),
          c.webhooks());
    }
    return new ServerConfig(
        host,
        port,
        c.clusters(),
        c.historyUrl(),
        c.historyUser(),
        c.historyPassword(),
        c.registries(),
        c.users(),
        c.tokens(),
        c.sessionKey(),
        c.webhooks());
  }

  @Override
  public String toString() {
    // Never print the secrets a record holds.
    return "ServerConfig["
        + host
        + ":"
        + port
        + ", "
        + clusters.size()
        + " clusters, "
        + users.size()
        + " users, "
        + tokens.size()
        + " tokens, "
        + webhooks.size()
        + " webhooks]";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
