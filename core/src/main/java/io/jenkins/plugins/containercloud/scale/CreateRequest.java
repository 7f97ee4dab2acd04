package io.jenkins.plugins.containercloud.scale;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Asks a provider for {@code count} machines of {@code pool}. The same {@code idempotencyKey} asked
 * again (a retry, a restart, another replica) must return the same machines and never make more.
 * {@code userData} holds the join token: providers pass it to the machine and never log it.
 */
public record CreateRequest(NodePool pool, int count, String idempotencyKey, String userData) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public CreateRequest {
    Objects.requireNonNull(pool, "pool");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    if (idempotencyKey == null
        || idempotencyKey.isEmpty()
        || idempotencyKey.length() > 64
        || !idempotencyKey.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException(
          "idempotencyKey must be 1-64 printable ASCII characters (EC2's ClientToken rule)");
    }
    Objects.requireNonNull(userData, "userData");
  }

  /**
   * A fresh key for a scale-up of {@code pool}: the pool's name (at most 40 characters) and 128
   * random bits in 22 URL-safe characters, so that it always fits EC2's 64-character limit.
   */
  public static String newKey(NodePool pool) {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return pool.name() + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  @Override
  public String toString() {
    // Never the user data: it carries the join token.
    return "CreateRequest[pool="
        + pool.name()
        + ", count="
        + count
        + ", key="
        + idempotencyKey
        + "]";
  }
}
