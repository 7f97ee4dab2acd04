package io.jenkins.plugins.containercloud.image;

import java.util.List;

/** A build that failed: which step, and the output it printed. */
public final class ImageBuildException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String step;
  private final List<String> output;

  ImageBuildException(String message, String step, List<String> output) {
    super(message);
    this.step = step;
    this.output = List.copyOf(output);
  }

  /**
   * The Dockerfile step that failed, e.g. {@code Step 3/5 : RUN make}, or empty if none started.
   */
  public String step() {
    return step;
  }

  /** The output of the failed step, line by line. */
  public List<String> output() {
    return output;
  }
}
