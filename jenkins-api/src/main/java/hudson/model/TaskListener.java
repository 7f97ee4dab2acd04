package hudson.model;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Compile-only declaration of Jenkins' {@code TaskListener}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: {@link #error} writes as Jenkins' does, so a listener over a stream is
 * just {@code TaskListener listener = () -> printStream;}. {@link #NULL} discards the output.
 */
public interface TaskListener extends SerializableOnlyOverRemoting {

  TaskListener NULL = new NullTaskListener();

  PrintStream getLogger();

  default PrintWriter error(String msg) {
    PrintStream out = getLogger();
    out.print("ERROR: ");
    out.println(msg);
    return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
  }
}
