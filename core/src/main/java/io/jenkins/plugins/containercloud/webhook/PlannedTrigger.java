package io.jenkins.plugins.containercloud.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A rule that matched a push, and the image it will deploy. */
record PlannedTrigger(TriggerRule rule, String image) {

  /**
   * Every rule that matches each push; a rule deploys a given image once even when a delivery
   * reports it twice.
   */
  static List<PlannedTrigger> plan(HookSettings hook, List<PushEvent> pushes) {
    Set<String> seen = new LinkedHashSet<>();
    List<PlannedTrigger> planned = new ArrayList<>();
    for (PushEvent push : pushes) {
      if (!(push instanceof ImagePushed image)) {
        continue; // code pushes need a build-and-deploy rule, which this host does not run yet
      }
      for (TriggerRule rule : hook.rules()) {
        if (rule.matches(image)) {
          ImagePushed from =
              rule.registry() == null
                  ? image
                  : new ImagePushed(
                      rule.registry(), image.repository(), image.tag(), image.digest());
          if (seen.add(rule.name() + "\n" + from.image())) {
            planned.add(new PlannedTrigger(rule, from.image()));
          }
        }
      }
    }
    return planned;
  }
}
