package io.jenkins.plugins.containercloud.webhook;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The output of one pipeline step as it is stored: every known secret masked, URLs without their
 * user information, long lines cut, and at most {@link WebhookHistory#MAX_LOG} characters in all —
 * the oldest lines go first, so that what happened last (where a build failed) stays.
 */
final class StepLog implements ProgressListener {

  static final String MASK = "********";
  private static final int MAX_LINE = 2_000;
  private static final int KEEP = WebhookHistory.MAX_LOG - 100;

  private final List<String> secrets;
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private int chars;
  private long cut;

  /**
   * @param secrets values to mask wherever they appear (longest first, so that one containing
   *     another is masked whole)
   */
  StepLog(Collection<String> secrets) {
    this.secrets =
        secrets.stream()
            .filter(Objects::nonNull)
            .filter(s -> !s.isEmpty())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  @Override
  public synchronized void progress(String line) {
    String kept = mask(line == null ? "" : line.stripTrailing());
    if (kept.length() > MAX_LINE) {
      kept = kept.substring(0, MAX_LINE) + "…";
    }
    lines.addLast(kept);
    chars += kept.length() + 1;
    while (chars > KEEP && lines.size() > 1) {
      chars -= lines.removeFirst().length() + 1;
      cut++;
    }
  }

  /** The stored text; null when the step printed nothing. */
  synchronized String text() {
    if (lines.isEmpty()) {
      return null;
    }
    String head = cut > 0 ? "[" + cut + " earlier lines cut]\n" : "";
    return head + String.join("\n", lines);
  }

  private String mask(String line) {
    String masked = line;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return BuildSpec.redact(masked);
  }
}
