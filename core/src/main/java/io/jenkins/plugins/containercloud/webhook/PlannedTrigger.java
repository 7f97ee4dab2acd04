package io.jenkins.plugins.containercloud.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule that matched a push, and the image it will deploy (for a code push, the image its build
 * will push, tagged; {@code build} says what to build).
 */
record PlannedTrigger(TriggerRule rule, String image, BuildJob build) {

  /** The trigger's stored parameters: the rollout's, and the build's for a code push. */
  String parameters() {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(rule.rollout().json());
    if (build != null) {
      build.writeTo(node);
    }
    return node.toString();
  }

  /**
   * Every rule that matches each push; a rule deploys a given image once even when a delivery
   * reports it twice.
   */
  static List<PlannedTrigger> plan(HookSettings hook, List<PushEvent> pushes) {
    Set<String> seen = new LinkedHashSet<>();
    List<PlannedTrigger> planned = new ArrayList<>();
    for (PushEvent push : pushes) {
      if (push instanceof CodePushed code) {
        for (TriggerRule rule : hook.rules()) {
          if (rule.matches(code)) {
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
          if (seen.add(rule.name() + "\n" + from.image())) {
            planned.add(new PlannedTrigger(rule, from.image(), null));
          }
        }
      }
    }
    return planned;
  }
}
