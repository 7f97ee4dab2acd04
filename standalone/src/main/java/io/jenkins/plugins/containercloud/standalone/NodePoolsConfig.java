package io.jenkins.plugins.containercloud.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.containercloud.cluster.PodResources;
import io.jenkins.plugins.containercloud.scale.Bootstrap;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeProviders;
import io.jenkins.plugins.containercloud.scale.NodeTemplate;
import io.jenkins.plugins.containercloud.scale.ProviderSettings;
import io.jenkins.plugins.containercloud.scale.Resources;
import io.jenkins.plugins.containercloud.scale.SecretRef;
import io.jenkins.plugins.containercloud.scale.Taint;
import io.jenkins.plugins.containercloud.standalone.server.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code nodePools} of the server's YAML configuration (docs/autoscaling.md): each pool's
 * cluster, provider, template, bounds, timings and bootstrap. Secrets are references ({@code {env:
 * NAME}} or {@code {file: PATH}}), kept as such and read only when used.
 */
public final class NodePoolsConfig {

  private static final Set<String> POOL_KEYS =
      Set.of(
          "name",
          "cluster",
          "provider",
          "template",
          "min",
          "max",
          "maxNodesPerScaleUp",
          "scaleDownDelay",
          "utilisationThreshold",
          "maxProvisionTime",
          "bootstrap");

  private NodePoolsConfig() {}

  /** The pools of {@code file}; {@code defaultCluster} is used where a pool names none. */
  public static List<NodePool> read(Path file, String defaultCluster) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot be read: " + e.getMessage());
    }
    List<NodePool> pools = new ArrayList<>();
    Path base = file.toAbsolutePath().getParent();
    JsonNode list = root == null ? null : root.get("nodePools");
    if (list == null || list.isNull()) {
      return pools;
    }
    if (!list.isArray()) {
      throw new ConfigException("nodePools", "must be a list of pools");
    }
    for (int i = 0; i < list.size(); i++) {
      String path = "nodePools[" + i + "]";
      try {
        pools.add(pool(path, list.get(i), defaultCluster, base));
      } catch (ConfigException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new ConfigException(path, e.getMessage());
      }
    }
    return pools;
  }

  static NodePool pool(String path, JsonNode p, String defaultCluster, Path base) {
    only(path, p, POOL_KEYS);
    String cluster = text(p, "cluster", defaultCluster);
    if (cluster == null) {
      throw new ConfigException(path + ".cluster", "name the cluster (one of clusters[].name)");
    }
    return new NodePool(
        required(path, p, "name"),
        cluster,
        provider(
            path + ".provider", required(path, p, "provider", "{type: ec2, region: ...}"), base),
        template(path + ".template", required(path, p, "template", "{cpu: 4, memory: 16Gi, ...}")),
        p.path("min").asInt(0),
        p.path("max").asInt(0),
        p.path("maxNodesPerScaleUp").asInt(p.path("max").asInt(0)),
        duration(path + ".scaleDownDelay", p.get("scaleDownDelay")),
        p.path("utilisationThreshold").asDouble(0.5),
        duration(path + ".maxProvisionTime", p.get("maxProvisionTime")),
        bootstrap(
            path + ".bootstrap",
            required(path, p, "bootstrap", "{userData: ..., joinToken: {env: NAME}}"),
            base));
  }

  private static ProviderSettings provider(String path, JsonNode p, Path base) {
    Map<String, String> settings = new LinkedHashMap<>();
    String type = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("type")) {
        type = e.getValue().asText();
      } else if (e.getValue().isObject()) {
        // A secret: kept as its reference, read when the provider connects.
        settings.put(
            e.getKey() + "Ref", secretRef(path + "." + e.getKey(), e.getValue(), base).reference());
      } else {
        settings.put(e.getKey(), e.getValue().asText());
      }
    }
    if (type == null) {
      throw new ConfigException(
          path + ".type", "is required: ec2, qingcloud, openstack or command");
    }
    ProviderSettings provider = new ProviderSettings(type, settings);
    try {
      NodeProviders.validate(provider);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(path, e.getMessage());
    }
    return provider;
  }

  private static NodeTemplate template(String path, JsonNode t) {
    only(
        path,
        t,
        Set.of("cpu", "memory", "pods", "labels", "taints", "instanceType", "image", "network"));
    Resources allocatable =
        new Resources(
            PodResources.cpuMillis(new Quantity(required(path, t, "cpu"))),
            PodResources.bytes(new Quantity(required(path, t, "memory"))),
            t.path("pods").asInt(110));
    Map<String, String> labels = new HashMap<>();
    t.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    List<Taint> taints = new ArrayList<>();
    for (JsonNode taint : t.path("taints")) {
      taints.add(
          new Taint(
              taint.path("key").asText(),
              taint.path("value").asText(""),
              taint.path("effect").asText()));
    }
    return new NodeTemplate(
        allocatable,
        labels,
        taints,
        text(t, "instanceType", null),
        text(t, "image", null),
        text(t, "network", null));
  }

  private static Bootstrap bootstrap(String path, JsonNode b, Path base) {
    only(path, b, Set.of("userData", "joinCommand", "joinToken"));
    SecretRef token =
        b.has("joinToken") ? secretRef(path + ".joinToken", b.get("joinToken"), base) : null;
    return new Bootstrap(required(path, b, "userData"), text(b, "joinCommand", ""), token);
  }

  private static SecretRef secretRef(String path, JsonNode ref, Path base) {
    if (!ref.isObject() || ref.has("env") == ref.has("file")) {
      throw new ConfigException(path, "give exactly one of {env: VARIABLE} or {file: PATH}");
    }
    String reference =
        // A relative file is beside the configuration, as everywhere else in it.
        ref.has("env")
            ? "env:" + ref.get("env").asText()
            : "file:" + base.resolve(ref.get("file").asText());
    return SecretRef.parse(path, reference);
  }

  private static Duration duration(String path, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return new DurationConverter().convert(value.asText());
    } catch (RuntimeException e) {
      throw new ConfigException(path, e.getMessage());
    }
  }

  private static void only(String path, JsonNode node, Set<String> allowed) {
    if (!node.isObject()) {
      throw new ConfigException(path, "must be a mapping");
    }
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                throw new ConfigException(
                    path + "." + name,
                    "is not a known key; known: " + new java.util.TreeSet<>(allowed));
              }
            });
  }

  private static String required(String path, JsonNode node, String key) {
    return required(path, node, key, "a value").asText();
  }

  private static JsonNode required(String path, JsonNode node, String key, String example) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull() || (value.isValueNode() && value.asText().isBlank())) {
      throw new ConfigException(path + "." + key, "is required, e.g. " + example);
    }
    return value;
  }

  private static String text(JsonNode node, String key, String fallback) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? fallback : value.asText();
  }
}
