package io.jenkins.plugins.containercloud.webhook;

import java.util.List;

/**
 * A rule's other action, where the host runs jobs (Jenkins): start each of {@code jobs} (full
 * names, such as {@code team/app/main}) with the push as parameters, instead of deploying. Each
 * delivery starts its own builds; with {@code newestWins}, a job that is still building from an
 * earlier delivery runs only the newest delivery next, and the ones in between are recorded {@code
 * SUPERSEDED}.
 *
 * @param codePushes true for Git pushes (the rule's {@code branches}/{@code tags} match
 *     branches/tags), false for image pushes
 */
public record JobTarget(List<String> jobs, boolean codePushes, boolean newestWins) {

  public JobTarget {
    if (jobs == null || jobs.isEmpty()) {
      throw new IllegalArgumentException("jobs: name at least one job, e.g. team/app/main");
    }
    for (String job : jobs) {
      if (job == null || job.isBlank() || job.startsWith("/") || job.endsWith("/")) {
        throw new IllegalArgumentException(
            "jobs: '" + job + "' is not a job's full name, e.g. team/app/main");
      }
    }
    jobs = List.copyOf(jobs);
  }
}
