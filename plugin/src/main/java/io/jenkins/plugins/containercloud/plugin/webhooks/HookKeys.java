package io.jenkins.plugins.containercloud.plugin.webhooks;

import io.jenkins.plugins.containercloud.webhook.HookSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The hooks as one comparable text, so that the engine is made anew when a hook, a rule or a secret
 * changes (a secret changes in the credentials store without the configuration changing); secrets
 * appear only as hashes.
 */
final class HookKeys {

  private HookKeys() {}

  static String of(List<HookSettings> hooks) {
    StringBuilder key = new StringBuilder();
    for (HookSettings h : hooks) {
      key.append(h.name())
          .append('\u0000')
          .append(h.source().id())
          .append('\u0000')
          .append(hash(h.secret()))
          .append('\u0000')
          .append(hash(h.signingToken()))
          .append('\u0000')
          .append(h.rules())
          .append('\u0000')
          .append(h.maxBodyBytes())
          .append('\u0000')
          .append(h.ratePerSecond())
          .append('\u0001');
    }
    return key.toString();
  }

  private static String hash(String secret) {
    if (secret == null) {
      return "-";
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
