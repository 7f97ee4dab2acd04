package io.jenkins.plugins.containercloud.registry;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Bounded retries with exponential backoff and jitter, for operations whose failures may be
 * transient (a registry's 5xx, a reset connection, a timeout).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** Five attempts, starting at half a second and never waiting more than ten. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10));

  /** One attempt: no retry at all. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /**
   * Calls {@code operation} until it succeeds, fails with an error {@code isTransient} rejects, or
   * the attempts are used up; the last failure is rethrown. Each retry is reported to {@code
   * onRetry} before the wait.
   */
  public <T> T call(
      Callable<T> operation, Predicate<Exception> isTransient, Consumer<RetryNotice> onRetry)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.call();
      } catch (Exception e) {
        if (attempt >= maxAttempts || !isTransient.test(e)) {
          throw e;
        }
        Duration wait = backoff(attempt);
        onRetry.accept(new RetryNotice(attempt, maxAttempts, wait, e));
        sleep(wait);
      }
    }
  }

  /** Equal jitter: between half and all of the exponential bound, so clients spread out. */
  Duration backoff(int failedAttempts) {
    long bound = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
    long capped = Math.min(bound, maxBackoff.toMillis());
    return Duration.ofMillis(
        capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
  }

  private static void sleep(Duration wait) throws InterruptedException {
    if (!wait.isZero()) {
      Thread.sleep(wait);
    }
  }

  /** A failed attempt that will be retried after {@code delay}. */
  public record RetryNotice(int attempt, int maxAttempts, Duration delay, Exception failure) {

    /** E.g. "attempt 1 of 5 failed (registry … answered 503); retrying in 640 ms". */
    public String describe() {
      return describe(failure.getMessage());
    }

    /** The same, with the failure told as {@code reason} (a caller's wording of a raw failure). */
    public String describe(String reason) {
      return "attempt "
          + attempt
          + " of "
          + maxAttempts
          + " failed ("
          + reason
          + "); retrying in "
          + delay.toMillis()
          + " ms";
    }
  }
}
