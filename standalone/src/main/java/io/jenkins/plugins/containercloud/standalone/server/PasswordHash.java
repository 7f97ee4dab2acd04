package io.jenkins.plugins.containercloud.standalone.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (PBKDF2 with HMAC-SHA256, from the
 * JDK), and API token hashes as {@code sha256$HASH}: tokens are long and random, so a fast hash is
 * enough for them. Comparisons take constant time.
 */
public final class PasswordHash {

  private static final String PBKDF2 = "pbkdf2-sha256";
  private static final int ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return PBKDF2
        + "$"
        + ITERATIONS
        + "$"
        + b64(salt)
        + "$"
        + b64(pbkdf2(password, salt, ITERATIONS));
  }

  public static boolean matches(char[] password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !PBKDF2.equals(parts[0])) {
      return false;
    }
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual =
        pbkdf2(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  /** Whether {@code text} is a hash this class writes. */
  static boolean isPasswordHash(String text) {
    return text.startsWith(PBKDF2 + "$") && text.split("\\$").length == 4;
  }

  public static String tokenHash(String token) {
    return "sha256$" + b64(sha256(token.getBytes(StandardCharsets.UTF_8)));
  }

  /** A new random secret (192 bits, URL-safe text), for generated passwords and API tokens. */
  public static String randomSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }
}
