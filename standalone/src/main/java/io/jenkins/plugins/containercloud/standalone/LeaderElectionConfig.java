package io.jenkins.plugins.containercloud.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.cluster.LeaderLease;
import io.jenkins.plugins.containercloud.standalone.server.ConfigException;
import io.jenkins.plugins.containercloud.standalone.server.ServerConfig;
import io.jenkins.plugins.containercloud.standalone.server.ServerRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code leaderElection} section of the server's YAML configuration (docs/server.md): present,
 * the replicas of {@code serve} elect one on a Kubernetes Lease to run the autoscalers and the
 * webhook processing; absent, this server runs them itself.
 */
public final class LeaderElectionConfig {

  static final String DEFAULT_NAME = "container-cloud-serve";
  private static final Set<String> KEYS =
      Set.of(
          "cluster",
          "namespace",
          "name",
          "identity",
          "leaseDuration",
          "renewDeadline",
          "retryPeriod");

  private LeaderElectionConfig() {}

  /** The election {@code file} configures, or null without a {@code leaderElection} section. */
  public static ServerRuntime.Election read(
      Path file, ServerConfig server, Map<String, String> environment) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage());
    }
    JsonNode section = root == null ? null : root.get("leaderElection");
    if (section == null || section.isNull()) {
      return null;
    }
    if (!section.isObject()) {
      throw new ConfigException(
          "leaderElection", "must be a mapping, e.g. {namespace: container-cloud}");
    }
    for (Iterator<String> names = section.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new ConfigException(
            "leaderElection." + name, "unknown key; the keys here are " + new TreeSet<>(KEYS));
      }
    }
    if (server.clusters().isEmpty()) {
      throw new ConfigException(
          "leaderElection",
          "needs a configured cluster to hold the lease; the sandbox runs in one server only");
    }
    ClusterConfig cluster = server.clusters().get(0);
    String clusterName = text(section, "cluster", cluster.name());
    cluster =
        server.clusters().stream()
            .filter(c -> c.name().equals(clusterName))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigException(
                        "leaderElection.cluster",
                        "no cluster "
                            + clusterName
                            + " is configured; name one of the clusters section"));
    String namespace = text(section, "namespace", cluster.namespace().orElse("default"));
    String name = text(section, "name", DEFAULT_NAME);
    String identity = text(section, "identity", defaultIdentity(server, environment));
    Duration lease = duration(section, "leaseDuration", LeaderLease.Settings.LEASE_DURATION);
    Duration renew = duration(section, "renewDeadline", LeaderLease.Settings.RENEW_DEADLINE);
    Duration retry = duration(section, "retryPeriod", LeaderLease.Settings.RETRY_PERIOD);
    try {
      return new ServerRuntime.Election(
          clusterName, new LeaderLease.Settings(namespace, name, identity, lease, renew, retry));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("leaderElection", e.getMessage());
    }
  }

  /**
   * The host name (a pod's name in Kubernetes) and the port: unique among running replicas, and the
   * same for a replica that restarts, which so takes its own lease back at once. With port 0 the
   * process id stands in for the port.
   */
  static String defaultIdentity(ServerConfig server, Map<String, String> environment) {
    String host = environment.get("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "localhost";
      }
    }
    return host + ":" + (server.port() > 0 ? server.port() : "pid" + ProcessHandle.current().pid());
  }

  private static String text(JsonNode section, String key, String defaultValue) {
    JsonNode value = section.get(key);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw new ConfigException("leaderElection." + key, "must be a non-empty text");
    }
    return value.asText();
  }

  private static Duration duration(JsonNode section, String key, Duration defaultValue) {
    String text = text(section, key, null);
    if (text == null) {
      return defaultValue;
    }
    try {
      return new DurationConverter().convert(text);
    } catch (RuntimeException e) {
      throw new ConfigException("leaderElection." + key, e.getMessage());
    }
  }
}
