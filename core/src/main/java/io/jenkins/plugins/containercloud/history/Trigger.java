package io.jenkins.plugins.containercloud.history;

import java.util.Objects;

/**
 * What started a deployment: a build (its URL), a webhook delivery (its id), a user of the
 * dashboard (their name) or the command line (the user running it).
 */
public record Trigger(Type type, String value) {

  /** The kinds of trigger. */
  public enum Type {
    BUILD,
    WEBHOOK,
    USER,
    CLI
  }

  public Trigger {
    Objects.requireNonNull(type, "trigger type");
    value = Fields.required("trigger value", value, Fields.TRIGGER_VALUE);
  }

  /** A deployment started by the build at {@code buildUrl}. */
  public static Trigger build(String buildUrl) {
    return new Trigger(Type.BUILD, buildUrl);
  }

  /** A deployment started by the webhook delivery {@code deliveryId}. */
  public static Trigger webhook(String deliveryId) {
    return new Trigger(Type.WEBHOOK, deliveryId);
  }

  /** A deployment started from the dashboard by {@code userName}. */
  public static Trigger user(String userName) {
    return new Trigger(Type.USER, userName);
  }

  /** A deployment started by the command line, run by {@code userName}. */
  public static Trigger cli(String userName) {
    return new Trigger(Type.CLI, userName);
  }
}
