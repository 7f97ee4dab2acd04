package io.jenkins.plugins.containercloud.webhook;

import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule that matched a push, and the image it will deploy (for a code push, the image its build
 * will push, tagged; {@code build} says what to build), or the job it starts ({@code job}).
 */
record PlannedTrigger(TriggerRule rule, String image, BuildJob build, JobCall job) {

  PlannedTrigger(TriggerRule rule, String image, BuildJob build) {
    this(rule, image, build, null);
  }

  /** The trigger's stored parameters: the rollout's, and the build's or the job's. */
  String parameters() {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(rule.rollout().json());
    if (build != null) {
      build.writeTo(node);
    }
    if (job != null) {
      job.writeTo(node);
    }
    return node.toString();
  }

  /** What it rolls out, as the answer to the sender names it ({@code cluster/ns/Kind/name}). */
  String workload() {
    return job != null
        ? JobCall.HOST + "/" + JobCall.FOLDER + "/" + JobCall.KIND + "/" + job.job()
        : rule.target().toString();
  }

  /** The trigger as stored, pending, for delivery {@code deliveryId}. */
  WebhookTriggerRow row(String deliveryId, int seq, Instant at) {
    TriggerRule.RuleTarget target = rule.target();
    return new WebhookTriggerRow(
        deliveryId,
        seq,
        rule.name(),
        job != null ? JobCall.HOST : target.cluster(),
        job != null ? JobCall.FOLDER : target.namespace(),
        job != null ? JobCall.KIND : target.kind(),
        job != null ? job.job() : target.name(),
        job != null ? null : target.container(),
        image,
        parameters(),
        "PENDING",
        null,
        null,
        at);
  }

  /**
   * Every rule that matches each push; a rule deploys a given image (or starts a given job for it)
   * once even when a delivery reports it twice.
   */
  static List<PlannedTrigger> plan(HookSettings hook, List<PushEvent> pushes) {
    Set<String> seen = new LinkedHashSet<>();
    List<PlannedTrigger> planned = new ArrayList<>();
    for (PushEvent push : pushes) {
      if (push instanceof CodePushed code) {
        for (TriggerRule rule : hook.rules()) {
          if (rule.matches(code) && rule.job() != null) {
            for (String name : rule.job().jobs()) {
              JobCall call = JobCall.forCode(hook, name, rule.job().newestWins(), code);
              if (seen.add(rule.name() + "\n" + name + "\n" + call.shown())) {
                planned.add(new PlannedTrigger(rule, call.shown(), null, call));
              }
            }
          } else if (rule.matches(code)) {
            BuildJob job = BuildJob.plan(hook.name(), rule, code);
            if (seen.add(rule.name() + "\n" + job.image())) {
              planned.add(new PlannedTrigger(rule, job.image(), job));
            }
          }
        }
        continue;
      }
      ImagePushed image = (ImagePushed) push;
      for (TriggerRule rule : hook.rules()) {
        if (rule.matches(image)) {
          ImagePushed from =
              rule.registry() == null
                  ? image
                  : new ImagePushed(
                      rule.registry(), image.repository(), image.tag(), image.digest());
          if (rule.job() != null) {
            for (String name : rule.job().jobs()) {
              JobCall call = JobCall.forImage(hook, name, rule.job().newestWins(), from);
              if (seen.add(rule.name() + "\n" + name + "\n" + from.image())) {
                planned.add(new PlannedTrigger(rule, from.image(), null, call));
              }
            }
          } else if (seen.add(rule.name() + "\n" + from.image())) {
            planned.add(new PlannedTrigger(rule, from.image(), null));
          }
        }
      }
    }
    return planned;
  }
}
