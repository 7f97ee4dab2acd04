package io.jenkins.plugins.containercloud.events;

/**
 * Receives human-readable progress of long work, one line at a time (a build log, a terminal, a
 * server-sent event stream). Lines never carry secrets.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Discards everything. */
  ProgressListener NONE = line -> {};

  /** One line of progress, without a trailing newline. */
  void progress(String line);
}
