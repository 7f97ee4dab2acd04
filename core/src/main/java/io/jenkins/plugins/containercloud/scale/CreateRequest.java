package io.jenkins.plugins.containercloud.scale;

import java.util.Objects;

/**
 * Asks a provider for {@code count} machines of {@code pool}. The same {@code idempotencyKey} asked
 * again (a retry, a restart, another replica) must return the same machines and never make more.
 * {@code userData} holds the join token: providers pass it to the machine and never log it.
 */
public record CreateRequest(NodePool pool, int count, String idempotencyKey, String userData) {

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
