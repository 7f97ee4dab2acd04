package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.history.HistoryOpenException;
import io.jenkins.plugins.containercloud.image.DockerDaemonException;
import io.jenkins.plugins.containercloud.image.ImageBuildException;
import io.jenkins.plugins.containercloud.registry.RegistryException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The entry point of {@code container-cloud.jar}: runs one command and exits with its code. */
public final class Main {

  /** The operation failed (build, push, registry refused…). */
  static final int FAILURE = 1;

  /** The command line or its input is wrong; nothing was changed. */
  static final int BAD_INPUT = 2;

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, System.in, out, err, System.getenv()));
  }

  /** Runs a command with the given streams and environment; returns the exit code. */
  static int execute(
      String[] args, InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
    ContainerCloudCommand top = new ContainerCloudCommand(in, env);
    CommandLine commandLine = new CommandLine(top);
    commandLine.setOut(out);
    commandLine.setErr(err);
    // Lets "--cmd=-f" pass "-f" as a value, as users of docker run expect.
    commandLine.setAllowOptionsAsOptionParameters(true);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          // Users read one sentence; the whole chain is for whoever turns on debug logging.
          LoggerFactory.getLogger(Main.class).debug("{} failed", cmd.getCommandName(), exception);
          cmd.getErr().println("error: " + exception.getMessage());
          cmd.getErr().flush();
          return exitCodeOf(exception);
        });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Bad input is 2 whichever layer found it, and so are a history that cannot be opened and a
   * Docker daemon that cannot be reached (bad configuration: nothing was changed); everything else
   * that failed is 1.
   */
  static int exitCodeOf(Exception exception) {
    if (exception instanceof HistoryOpenException || exception instanceof DockerDaemonException) {
      return BAD_INPUT;
    }
    if (exception instanceof RegistryException || exception instanceof ImageBuildException) {
      return FAILURE;
    }
    return exception instanceof IllegalArgumentException ? BAD_INPUT : FAILURE;
  }
}
