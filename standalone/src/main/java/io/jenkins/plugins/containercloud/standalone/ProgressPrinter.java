package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import java.io.PrintWriter;

/** Writes progress to standard error, so that standard output holds only the result. */
final class ProgressPrinter implements ProgressListener {

  private final PrintWriter err;
  private final boolean quiet;

  ProgressPrinter(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  @Override
  public void progress(String line) {
    if (!quiet) {
      err.println(line);
      err.flush();
    }
  }
}
