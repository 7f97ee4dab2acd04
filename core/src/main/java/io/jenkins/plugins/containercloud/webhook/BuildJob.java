package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One code push to build: the rule's build section, the commit and where to fetch it, and the work
 * folder it is checked out in ({@code hook/rule}). Stored in the trigger's parameters when the
 * delivery is accepted, so that what runs after a restart is what was accepted.
 *
 * @param image the image to push, tagged (not yet pinned)
 */
public record BuildJob(
    BuildSpec spec, String cloneUrl, String commit, String ref, String folder, String image) {

  /** The job a rule plans for a push; the clone URL is checked here, before it is stored. */
  static BuildJob plan(String hook, TriggerRule rule, CodePushed push) {
    String url = rule.build().gitUrl() != null ? rule.build().gitUrl() : push.cloneUrl();
    if (url == null) {
      throw new IllegalArgumentException(
          "the delivery names no clone URL; give the rule's build.gitUrl");
    }
    BuildSpec.checkGitUrl("the delivery's clone URL", url);
    if (!push.commit().matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
      throw new IllegalArgumentException("commit " + push.commit() + " is not a full hex id");
    }
    return new BuildJob(
        rule.build(),
        url,
        push.commit(),
        push.ref(),
        hook + "/" + rule.name(),
        rule.build().image() + ":" + rule.build().tagFor(push));
  }

  /** Adds this job to a trigger's parameters. */
  void writeTo(ObjectNode parameters) {
    ObjectNode b = parameters.putObject("build");
    b.put("cloneUrl", cloneUrl).put("commit", commit).put("ref", ref).put("folder", folder);
    b.put("context", spec.context()).put("dockerfile", spec.dockerfile());
    b.put("daemonless", spec.daemonless()).put("base", spec.base());
    spec.cmd().forEach(b.putArray("cmd")::add);
    b.put("image", spec.image()).put("tag", spec.tag()).put("target", image);
  }

  /** The job in a trigger's parameters, if it is a build trigger. */
  public static Optional<BuildJob> of(String parametersJson) {
    JsonNode b = Json.parse(parametersJson).get("build");
    if (b == null || !b.isObject()) {
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>();
    b.path("cmd").forEach(c -> cmd.add(c.asText()));
    BuildSpec spec =
        new BuildSpec(
            null,
            b.path("context").asText(),
            b.path("dockerfile").asText(),
            b.path("daemonless").asBoolean(),
            b.hasNonNull("base") ? b.get("base").asText() : null,
            cmd,
            b.path("image").asText(),
            b.path("tag").asText());
    return Optional.of(
        new BuildJob(
            spec,
            b.path("cloneUrl").asText(),
            b.path("commit").asText(),
            b.path("ref").asText(),
            b.path("folder").asText(),
            b.path("target").asText()));
  }
}
