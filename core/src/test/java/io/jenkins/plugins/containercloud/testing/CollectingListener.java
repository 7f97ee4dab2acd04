package io.jenkins.plugins.containercloud.testing;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A progress listener that keeps every line, for assertions on what a user would have seen. */
public final class CollectingListener implements ProgressListener {

  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void progress(String line) {
    lines.add(line);
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public String text() {
    return String.join("\n", lines);
  }
}
