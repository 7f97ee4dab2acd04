package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.rollout.RolloutEvent;
import io.jenkins.plugins.containercloud.rollout.RolloutListener;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Prints a rollout's progress on standard error, one line per event, with the time. */
final class RolloutPrinter implements RolloutListener {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final PrintWriter err;
  private final boolean quiet;

  RolloutPrinter(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  @Override
  public void onEvent(RolloutEvent event) {
    if (quiet && !(event instanceof RolloutEvent.Finished)) {
      return;
    }
    err.println(TIME.format(event.time()) + " " + event.describe());
    err.flush();
  }
}
