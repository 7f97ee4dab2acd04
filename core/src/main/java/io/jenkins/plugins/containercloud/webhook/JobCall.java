package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One job a push starts ({@link JobTarget}): the job, its String parameters and the hook that
 * received the push. Stored in the trigger's parameters when the delivery is accepted, so that what
 * starts after a restart is what was accepted.
 */
public record JobCall(
    String job, boolean newestWins, String source, String hook, Map<String, String> parameters) {

  /** The trigger rows of job calls name their job as a workload of this kind. */
  public static final String KIND = "Job";

  /** The cluster and namespace columns of a job call's row (they name no cluster). */
  static final String HOST = "jenkins";

  static final String FOLDER = "jobs";

  public JobCall {
    parameters = Map.copyOf(parameters);
  }

  /**
   * An image push: {@code IMAGE} (by tag), {@code IMAGE_DIGEST}, {@code REPOSITORY}, {@code TAG}.
   */
  static JobCall forImage(HookSettings hook, String job, boolean newestWins, ImagePushed push) {
    Map<String, String> p = new LinkedHashMap<>();
    String name =
        push.registry() == null || push.registry().isEmpty()
            ? push.repository()
            : push.registry() + "/" + push.repository();
    p.put("IMAGE", name + ":" + push.tag());
    p.put("IMAGE_DIGEST", push.digest() == null ? "" : push.digest());
    p.put("REPOSITORY", push.repository());
    p.put("TAG", push.tag());
    p.put("REGISTRY", push.registry() == null ? "" : push.registry());
    return new JobCall(job, newestWins, hook.source().id(), hook.name(), p);
  }

  /**
   * A code push: {@code GIT_COMMIT}, {@code GIT_REF}, {@code GIT_BRANCH} or {@code GIT_TAG} (the
   * other empty), {@code REPOSITORY} and {@code GIT_URL}.
   */
  static JobCall forCode(HookSettings hook, String job, boolean newestWins, CodePushed push) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("GIT_COMMIT", push.commit());
    p.put("GIT_REF", push.ref());
    p.put("GIT_BRANCH", push.branch() == null ? "" : push.branch());
    p.put("GIT_TAG", push.tag() == null ? "" : push.tag());
    p.put("REPOSITORY", push.repository());
    p.put("GIT_URL", push.cloneUrl() == null ? "" : push.cloneUrl());
    return new JobCall(job, newestWins, hook.source().id(), hook.name(), p);
  }

  /** What the trigger row shows as its image: the pushed image, or the repository at the commit. */
  String shown() {
    return parameters.containsKey("IMAGE")
        ? parameters.get("IMAGE")
        : parameters.get("REPOSITORY") + "@" + parameters.get("GIT_COMMIT");
  }

  /** The parameters with the image's digest filled in from a pinned reference. */
  JobCall pinnedTo(String pinned) {
    int at = pinned.indexOf('@');
    if (!parameters.containsKey("IMAGE_DIGEST")
        || !parameters.get("IMAGE_DIGEST").isEmpty()
        || at < 0) {
      return this;
    }
    Map<String, String> p = new LinkedHashMap<>(parameters);
    p.put("IMAGE_DIGEST", pinned.substring(at + 1));
    return new JobCall(job, newestWins, source, hook, p);
  }

  /** Adds this call to a trigger's parameters. */
  void writeTo(ObjectNode node) {
    ObjectNode j = node.putObject("job");
    j.put("name", job).put("newestWins", newestWins).put("source", source).put("hook", hook);
    ObjectNode p = j.putObject("parameters");
    parameters.forEach(p::put);
  }

  /** The call in a trigger's parameters, if it is a job trigger. */
  public static Optional<JobCall> of(String parametersJson) {
    JsonNode j = Json.parse(parametersJson).get("job");
    if (j == null || !j.isObject()) {
      return Optional.empty();
    }
    Map<String, String> p = new LinkedHashMap<>();
    j.path("parameters").properties().forEach(e -> p.put(e.getKey(), e.getValue().asText()));
    return Optional.of(
        new JobCall(
            j.path("name").asText(),
            j.path("newestWins").asBoolean(),
            j.path("source").asText(),
            j.path("hook").asText(),
            p));
  }
}
