package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A build log that can be sent to an agent, as Jenkins' remote listeners are: a copy made by
 * deserialisation writes to the same log as the original.
 */
final class RemoteLog implements TaskListener {

  private static final long serialVersionUID = 1L;

  /** The logs "on the controller", by id; what a copy writes lands here. */
  private static final Map<String, ByteArrayOutputStream> LOGS = new ConcurrentHashMap<>();

  private final String id;
  private transient PrintStream out;

  private RemoteLog(String id) {
    this.id = id;
  }

  static RemoteLog open() {
    String id = UUID.randomUUID().toString();
    LOGS.put(id, new ByteArrayOutputStream());
    return new RemoteLog(id);
  }

  @Override
  public synchronized PrintStream getLogger() {
    if (out == null) {
      out = new PrintStream(LOGS.get(id), true, StandardCharsets.UTF_8);
    }
    return out;
  }

  /** Everything written to this log, by this object or by any copy of it. */
  String text() {
    ByteArrayOutputStream log = LOGS.get(id);
    synchronized (log) {
      return log.toString(StandardCharsets.UTF_8);
    }
  }
}
