package io.jenkins.plugins.containercloud.scale;

import java.util.Map;
import java.util.Objects;

/**
 * Which provider makes a pool's machines ({@code ec2}, {@code command}, ...) and its settings.
 * Settings hold no secrets: credentials are {@link SecretRef} strings ({@code env:...}, {@code
 * file:...}) under keys ending in {@code Ref}.
 */
public record ProviderSettings(String type, Map<String, String> settings) {

  public ProviderSettings {
    Objects.requireNonNull(type, "provider.type");
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  /** A setting that must be present; fails naming it. */
  public String required(String key) {
    String value = settings.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "provider " + type + ": the setting " + key + " is required");
    }
    return value;
  }

  public String optional(String key, String fallback) {
    String value = settings.get(key);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The secret a {@code <key>Ref} setting points to, or null when it is not set. */
  public SecretRef secret(String key) {
    String ref = settings.get(key);
    return ref == null ? null : SecretRef.parse("provider " + type + ": " + key, ref);
  }
}
