package io.jenkins.plugins.containercloud.standalone;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line run in the test's JVM, with the default history under {@code dataHome}. */
final class InProcessCli {

  private InProcessCli() {}

  /** What a run printed and its exit code. */
  record Result(int code, String out, String err) {}

  static Result run(Path dataHome, List<String> args) {
    return run(dataHome, args, Map.of());
  }

  /** {@link #run}, with {@code more} added to the environment. */
  static Result run(Path dataHome, List<String> args, Map<String, String> more) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.putAll(more);
    environment.put("XDG_DATA_HOME", dataHome.toString());
    environment.remove("CONTAINER_CLOUD_DB");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            args.toArray(String[]::new),
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out),
            new PrintWriter(err),
            environment);
    return new Result(code, out.toString(), err.toString());
  }
}
