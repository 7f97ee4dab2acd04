package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.api.BuildResult;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build or push produced, as sent back from the agent: the reference (pinned by digest when
 * pushed, else the main tag), the digest, every tag, and the daemon's image id when there is one.
 */
record ImageOutput(String reference, String digest, List<String> tags, String imageId)
    implements Serializable {

  static ImageOutput of(BuildResult result) {
    String imageId = result.imageId().orElse(null);
    if (result.pushed().isPresent()) {
      PushedImage pushed = result.pushed().get();
      return new ImageOutput(
          pushed.pinned().toString(), pushed.digest(), names(pushed.tags()), imageId);
    }
    return new ImageOutput(result.tags().get(0).toString(), null, names(result.tags()), imageId);
  }

  static ImageOutput of(PushedImage pushed) {
    return new ImageOutput(pushed.pinned().toString(), pushed.digest(), names(pushed.tags()), null);
  }

  boolean pushed() {
    return digest != null;
  }

  /** What the step returns to the Pipeline script. */
  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("reference", reference);
    map.put("digest", digest);
    map.put("tags", new ArrayList<>(tags));
    map.put("imageId", imageId);
    return map;
  }

  private static List<String> names(List<ImageReference> references) {
    return new ArrayList<>(references.stream().map(ImageReference::toString).toList());
  }
}
