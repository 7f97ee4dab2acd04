package hudson.model;

import java.io.OutputStream;
import java.io.PrintStream;

/** The listener behind {@link TaskListener#NULL}: it discards everything written to it. */
final class NullTaskListener implements TaskListener {

  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

  @Override
  public PrintStream getLogger() {
    return NOWHERE;
  }
}
