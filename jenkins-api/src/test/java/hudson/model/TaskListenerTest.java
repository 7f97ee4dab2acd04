package hudson.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests for {@link TaskListener}. */
class TaskListenerTest {

  @Test
  void error_writesTheMessageAndReturnsAWriterOnTheSameLog() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    TaskListener listener = () -> out;

    PrintWriter details = listener.error("push failed");
    details.println("registry answered 503");
    listener.getLogger().println("retrying");

    assertThat(log.toString(StandardCharsets.UTF_8))
        .isEqualTo("ERROR: push failed\nregistry answered 503\nretrying\n");
  }

  @Test
  void nullListener_discardsWhatIsWritten() {
    TaskListener.NULL.getLogger().println("nobody reads this");
    TaskListener.NULL.error("nor this").println("nor that");

    assertThat(TaskListener.NULL.getLogger().checkError()).isFalse();
  }
}
