package io.jenkins.plugins.containercloud.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deployment records and events for tests, with every field set to something recognisable. */
final class Deployments {

  /** A start time with microseconds, which both databases keep. */
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

  static final String DIGEST =
      "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private Deployments() {}

  /** A running rollout of {@code Deployment prod/shop/<name>}, started {@code minutes} after T0. */
  static DeploymentRecord.Builder running(String name, int minutes) {
    return DeploymentRecord.builder()
        .id(DeploymentRecord.newId())
        .cluster("prod")
        .namespace("shop")
        .kind("Deployment")
        .name(name)
        .container("app")
        .imageBefore("registry.example:5000/shop/" + name + ":1.0@" + DIGEST)
        .imageAfter("registry.example:5000/shop/" + name + ":1.1")
        .strategy("rollout")
        .strategyParameters(Map.of("maxSurge", "25%", "maxUnavailable", "0", "timeout", "5m"))
        .trigger(Trigger.build("https://ci.example/job/shop/42/"))
        .startedAt(T0.plus(Duration.ofMinutes(minutes)));
  }

  /** The same deployment, ended {@code outcome} a minute after it started. */
  static DeploymentRecord ended(DeploymentRecord.Builder running, Outcome outcome) {
    DeploymentRecord started = running.build();
    return started.finish(
        outcome,
        started.startedAt().plusSeconds(60),
        outcome == Outcome.SUCCEEDED ? null : "timed out",
        null);
  }

  /** Events 1..count of a deployment, a second apart. */
  static List<DeploymentEvent> events(DeploymentRecord record, int count) {
    List<DeploymentEvent> events = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      events.add(
          new DeploymentEvent(
              record.id(),
              i,
              record.startedAt().plusSeconds(i),
              "progress",
              "step " + i + " of " + record.name()));
    }
    return events;
  }
}
