package io.jenkins.plugins.containercloud.webhook;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a push deploys: pushes to {@code repository} (a glob: {@code *} within a path segment,
 * {@code **} across them) whose tag matches {@code tags} (a glob; null for any tag) roll the target
 * workload out to the pushed image, pinned by digest. A rule with a {@code build} section is for
 * code pushes instead: a push to a matching branch ({@code branches}) or tag ({@code tags}) is
 * checked out, built, pushed and then deployed.
 *
 * @param registry the registry host to deploy from, when the cluster pulls through another name
 *     than the one the sender reports (null: the reported one)
 * @param branches a glob of branch names a code push must match (build and code-push job rules
 *     only; with neither branches nor tags, any branch and no tag)
 * @param job instead of {@code target}: the jobs a matching push starts, where the host runs jobs
 */
public record TriggerRule(
    String name,
    String repository,
    String tags,
    String registry,
    RuleTarget target,
    RolloutSettings rollout,
    String branches,
    BuildSpec build,
    JobTarget job) {

  /** A rule that deploys (or builds, then deploys). */
  public TriggerRule(
      String name,
      String repository,
      String tags,
      String registry,
      RuleTarget target,
      RolloutSettings rollout,
      String branches,
      BuildSpec build) {
    this(name, repository, tags, registry, target, rollout, branches, build, null);
  }

  /** A rule for image pushes. */
  public TriggerRule(
      String name,
      String repository,
      String tags,
      String registry,
      RuleTarget target,
      RolloutSettings rollout) {
    this(name, repository, tags, registry, target, rollout, null, null);
  }

  /** A rule that starts jobs instead of deploying. */
  public static TriggerRule startingJobs(
      String name, String repository, String tags, String branches, JobTarget job) {
    return new TriggerRule(name, repository, tags, null, null, null, branches, null, job);
  }

  public TriggerRule {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      throw new IllegalArgumentException(
          "rule name '" + name + "': use letters, digits, '.', '_' and '-' (at most 63)");
    }
    if (repository == null || repository.isBlank()) {
      throw new IllegalArgumentException(
          "rule " + name + ": repository is required, e.g. team/app");
    }
    if (job == null) {
      Objects.requireNonNull(target, "target");
    } else if (target != null || build != null) {
      throw new IllegalArgumentException(
          "rule " + name + ": either deploy (target, build) or start jobs, not both");
    }
    rollout = rollout == null ? RolloutSettings.DEFAULTS : rollout;
    if (branches != null && build == null && !codeJobs(job)) {
      throw new IllegalArgumentException(
          "rule " + name + ": branches are for code pushes; add a build section or remove them");
    }
  }

  private static boolean codeJobs(JobTarget job) {
    return job != null && job.codePushes();
  }

  /** Whether this rule deploys the push. */
  boolean matches(PushEvent push) {
    return switch (push) {
      case ImagePushed image -> build == null && !codeJobs(job) && matches(image);
      case CodePushed code -> (build != null || codeJobs(job)) && matches(code);
    };
  }

  private boolean matches(CodePushed push) {
    if (!glob(repository).matcher(push.repository()).matches()) {
      return false;
    }
    if (push.branch() != null) {
      return branches != null ? glob(branches).matcher(push.branch()).matches() : tags == null;
    }
    return push.tag() != null && tags != null && glob(tags).matcher(push.tag()).matches();
  }

  private boolean matches(ImagePushed push) {
    return push.tag() != null
        && glob(repository).matcher(push.repository()).matches()
        && (tags == null || glob(tags).matcher(push.tag()).matches());
  }

  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  /** The workload a rule rolls out. {@code container} may be null when it has one container. */
  public record RuleTarget(
      String cluster, String namespace, String kind, String name, String container) {
    public RuleTarget {
      for (String[] field :
          new String[][] {
            {"cluster", cluster}, {"namespace", namespace}, {"kind", kind}, {"name", name}
          }) {
        if (field[1] == null || field[1].isBlank()) {
          throw new IllegalArgumentException("target." + field[0] + " is required");
        }
      }
      if (!kind.equals("Deployment") && !kind.equals("ReplicationController")) {
        throw new IllegalArgumentException(
            "target.kind: '" + kind + "' is not Deployment or ReplicationController");
      }
    }

    @Override
    public String toString() {
      return cluster + "/" + namespace + "/" + kind + "/" + name;
    }
  }

  /** Rollout parameters of a rule; nulls take the engine's defaults. */
  public record RolloutSettings(String maxSurge, String maxUnavailable, Integer timeoutSeconds) {
    static final RolloutSettings DEFAULTS = new RolloutSettings(null, null, null);

    /** As stored with each trigger: a small JSON object. */
    String json() {
      var node = Json.MAPPER.createObjectNode();
      if (maxSurge != null) {
        node.put("maxSurge", maxSurge);
      }
      if (maxUnavailable != null) {
        node.put("maxUnavailable", maxUnavailable);
      }
      if (timeoutSeconds != null) {
        node.put("timeoutSeconds", timeoutSeconds);
      }
      return node.toString();
    }
  }
}
