package io.jenkins.plugins.containercloud.webhook;

/**
 * A token bucket per hook: {@code perSecond} deliveries a second on average, bursts up to twice
 * that. Past it the hook answers 429, which senders retry later.
 */
final class RateLimiter {

  private final double perSecond;
  private final double capacity;
  private double tokens;
  private long last;

  RateLimiter(int perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.capacity = 2.0 * perSecond;
    this.tokens = capacity;
    this.last = nowNanos;
  }

  /** Takes one token; false when the bucket is empty. */
  synchronized boolean tryAcquire(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - last) / 1e9 * perSecond);
    last = nowNanos;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
