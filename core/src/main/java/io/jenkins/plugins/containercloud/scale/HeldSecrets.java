package io.jenkins.plugins.containercloud.scale;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets a host holds in memory for the engine (Jenkins' credentials), handed out as {@code
 * held:NAME} references: settings, logs and records hold the reference, the value never leaves
 * memory and is gone once {@link #forget forgotten}.
 */
public final class HeldSecrets {

  private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

  private HeldSecrets() {}

  /** Holds {@code secret} and returns the {@code held:} reference that reads it. */
  public static String hold(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("an empty secret cannot be held");
    }
    String name = UUID.randomUUID().toString();
    SECRETS.put(name, secret);
    return "held:" + name;
  }

  /** Drops the secret a {@code held:} reference points to; other references are ignored. */
  public static void forget(String reference) {
    if (reference != null && reference.startsWith("held:")) {
      SECRETS.remove(reference.substring(5));
    }
  }

  /** The secret held under {@code name}, or null when none is (any more). */
  static String read(String name) {
    return SECRETS.get(name);
  }
}
