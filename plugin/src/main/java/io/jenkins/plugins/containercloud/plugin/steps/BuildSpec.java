package io.jenkins.plugins.containercloud.plugin.steps;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A checked {@code containerBuild}, as sent to the agent: every reference to tag (the main one
 * first), the context (relative to the workspace; checked to be inside it on the agent), and the
 * options of either path.
 */
record BuildSpec(
    List<String> references,
    String context,
    String dockerfile,
    Map<String, String> buildArgs,
    String target,
    Map<String, String> labels,
    boolean noCache,
    boolean push,
    boolean daemonless,
    String base,
    List<String> layers)
    implements Serializable {

  /** The main reference: what the build is named by and pushed as. */
  String image() {
    return references.get(0);
  }
}
