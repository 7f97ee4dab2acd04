package io.jenkins.plugins.containercloud.standalone.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of the YAML configuration with its path ({@code clusters[1].token}), so that every error
 * names the key and what to write instead; unknown keys are refused.
 */
final class ConfigNode {

  private final String path;
  private final JsonNode node;
  private final Map<String, String> environment;
  private final Path baseDirectory;

  ConfigNode(String path, JsonNode node, Map<String, String> environment, Path baseDirectory) {
    this.path = path;
    this.node = node;
    this.environment = environment;
    this.baseDirectory = baseDirectory;
  }

  String path() {
    return path;
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  /** Refuses keys other than {@code allowed}. */
  ConfigNode only(String... allowed) {
    if (!node.isObject()) {
      throw new ConfigException(
          path.isEmpty() ? "(top level)" : path, "must be a mapping of keys to values");
    }
    Set<String> known = Set.of(allowed);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException(
            child(name),
            "unknown key; the keys here are " + String.join(", ", new TreeSet<>(known)));
      }
    }
    return this;
  }

  ConfigNode get(String key) {
    return new ConfigNode(child(key), node.get(key), environment, baseDirectory);
  }

  List<ConfigNode> list(String key) {
    List<ConfigNode> items = new ArrayList<>();
    if (!has(key)) {
      return items;
    }
    JsonNode array = node.get(key);
    if (!array.isArray()) {
      throw new ConfigException(child(key), "must be a list (items start with '- ')");
    }
    for (int i = 0; i < array.size(); i++) {
      items.add(
          new ConfigNode(child(key) + "[" + i + "]", array.get(i), environment, baseDirectory));
    }
    return items;
  }

  String text(String key) {
    if (!has(key)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (!value.isValueNode()) {
      throw new ConfigException(child(key), "must be a single value, not a list or mapping");
    }
    return value.asText();
  }

  /** This node as a single value (an item of a list of strings). */
  String value() {
    if (node == null || !node.isValueNode()) {
      throw new ConfigException(path(), "must be a single value, not a list or mapping");
    }
    return node.asText();
  }

  String requiredText(String key, String example) {
    String value = text(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException(child(key), "is required, e.g. " + example);
    }
    return value;
  }

  int integer(String key, int defaultValue, int min, int max) {
    if (!has(key)) {
      return defaultValue;
    }
    JsonNode value = node.get(key);
    if (!value.isInt() || value.asInt() < min || value.asInt() > max) {
      throw new ConfigException(child(key), "must be a whole number from " + min + " to " + max);
    }
    return value.asInt();
  }

  boolean bool(String key) {
    if (!has(key)) {
      return false;
    }
    JsonNode value = node.get(key);
    if (!value.isBoolean()) {
      throw new ConfigException(child(key), "must be true or false");
    }
    return value.asBoolean();
  }

  /** A file that must exist; relative paths are relative to the configuration file. */
  Path file(String key) {
    String value = text(key);
    if (value == null) {
      return null;
    }
    Path file = baseDirectory.resolve(value);
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(child(key), "no such file: " + value);
    }
    return file;
  }

  /**
   * A secret given by reference, {@code {env: NAME}} or {@code {file: PATH}}, read now; an inline
   * value is refused so that secrets stay out of configuration files and their copies.
   */
  String secret(String key) {
    if (!has(key)) {
      return null;
    }
    JsonNode value = node.get(key);
    String where = child(key);
    if (!value.isObject()) {
      throw new ConfigException(
          where, "give the secret by reference, {env: VARIABLE} or {file: PATH}, never inline");
    }
    ConfigNode ref = get(key).only("env", "file");
    if (ref.has("env") == ref.has("file")) {
      throw new ConfigException(where, "give exactly one of env or file");
    }
    if (ref.has("env")) {
      String variable = ref.text("env");
      String secret = environment.get(variable);
      if (secret == null || secret.isEmpty()) {
        throw new ConfigException(
            where + ".env", "the environment variable " + variable + " is not set");
      }
      return secret;
    }
    Path file = ref.file("file");
    try {
      return Files.readString(file).strip();
    } catch (java.io.IOException e) {
      throw new ConfigException(
          where + ".file", "cannot read " + file + " (" + e.getMessage() + ")");
    }
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
