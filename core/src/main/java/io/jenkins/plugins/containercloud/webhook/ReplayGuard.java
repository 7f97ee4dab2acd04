package io.jenkins.plugins.containercloud.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the signed (id, timestamp) pairs seen within twice the accepted clock window: a pair
 * seen again is a replay of a captured delivery. A sender's own retry is signed anew with a new
 * timestamp, so it passes here and is answered as a duplicate by its id instead.
 */
final class ReplayGuard {

  /** How far a signed timestamp may be from now. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  private static final int MAX_ENTRIES = 100_000;

  private final Map<String, Instant> seen = new LinkedHashMap<>();

  /** Records the pair; false when it was seen before (a replay). */
  synchronized boolean firstTime(String id, String timestamp, Instant now) {
    Instant horizon = now.minus(WINDOW.multipliedBy(2));
    for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next().isAfter(horizon) && seen.size() < MAX_ENTRIES) {
        break;
      }
      it.remove();
    }
    return seen.putIfAbsent(id + "\n" + timestamp, now) == null;
  }
}
