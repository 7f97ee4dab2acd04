package io.jenkins.plugins.containercloud.scale;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries a provider call that was throttled or did not complete, with exponential backoff and full
 * jitter, a bounded number of times. Only for calls that are safe to repeat (reads, deletes,
 * creates with an idempotency key).
 */
final class Backoff {

  private final int attempts;
  private final Duration base;
  private final Duration cap;

  Backoff(int attempts, Duration base, Duration cap) {
    this.attempts = attempts;
    this.base = base;
    this.cap = cap;
  }

  <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ProviderException e) {
        boolean retryable =
            e.kind() == ProviderException.Kind.THROTTLED
                || e.kind() == ProviderException.Kind.TRANSIENT;
        if (!retryable || attempt >= attempts) {
          throw e;
        }
        sleep(attempt);
      }
    }
  }

  private void sleep(int attempt) {
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
    long millis = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException("Interrupted", ProviderException.Kind.OTHER, "interrupted", e);
    }
  }
}
