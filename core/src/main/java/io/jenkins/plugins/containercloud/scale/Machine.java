package io.jenkins.plugins.containercloud.scale;

import java.time.Instant;

/**
 * A machine a provider made for a pool: its id, provider state, when it was made, the {@code
 * spec.providerID} its node will carry, and the idempotency key of the request that made it.
 */
public record Machine(
    String id,
    String pool,
    String state,
    Instant createdAt,
    String providerId,
    String idempotencyKey) {

  /** Whether the provider is ending or has ended it. */
  public boolean terminating() {
    return "shutting-down".equals(state)
        || "terminated".equals(state)
        || "stopping".equals(state)
        || "stopped".equals(state)
        || "deleted".equals(state);
  }
}
