package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.api.JsonViews;
import io.jenkins.plugins.containercloud.history.DeploymentRecord;
import io.jenkins.plugins.containercloud.history.HistoryQuery;
import io.jenkins.plugins.containercloud.history.Outcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code container-cloud history}: the recorded deployments, newest first. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Lists recorded deployments, newest first, from the history database.")
final class HistoryCommand implements Callable<Integer> {

  @ParentCommand ContainerCloudCommand top;
  @Spec CommandSpec spec;

  @Mixin HistoryOptions history;
  @Mixin OutputOptions output;

  @Option(names = "--cluster", paramLabel = "NAME", description = "Only this cluster.")
  String cluster;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description = "Only this namespace.")
  String namespace;

  @Option(names = "--workload", paramLabel = "NAME", description = "Only this workload.")
  String workload;

  @Option(
      names = "--outcome",
      paramLabel = "OUTCOME",
      description = "Only this outcome: running, succeeded, failed, rolled_back, interrupted.")
  String outcome;

  @Option(names = "--limit", paramLabel = "N", description = "At most N (default 50).")
  int limit = HistoryQuery.DEFAULT_LIMIT;

  @Option(names = "--events", paramLabel = "ID", description = "Show the events of one deployment.")
  String events;

  @Override
  public Integer call() {
    HistoryQuery query = HistoryQuery.all().withLimit(limit);
    if (cluster != null) {
      query = query.withCluster(cluster);
    }
    if (namespace != null) {
      query = query.withNamespace(namespace);
    }
    if (workload != null) {
      query = query.withName(workload);
    }
    if (outcome != null) {
      try {
        query = query.withOutcome(Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--outcome: '"
                + outcome
                + "' is not one of running, succeeded, failed, rolled_back,"
                + " interrupted");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Deployments deployments = history.open(top.environment())) {
      if (events != null) {
        var list = deployments.events(events);
        if (output.format == OutputOptions.Format.json) {
          out.println(JsonViews.events(list));
        } else {
          list.forEach(e -> out.printf("%s %-11s %s%n", e.time(), e.type(), e.message()));
        }
        out.flush();
        return 0;
      }
      List<DeploymentRecord> records = deployments.history(query);
      if (output.format == OutputOptions.Format.json) {
        out.println(JsonViews.records(records));
      } else {
        records.forEach(r -> out.println(line(r)));
      }
      out.flush();
      return 0;
    }
  }

  private static String line(DeploymentRecord r) {
    String took =
        r.finishedAt() == null
            ? "running"
            : String.format(
                "%.1f s", Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0);
    return String.format(
        "%s  %-11s %s/%s/%s %s  %s -> %s%s  (%s, by %s %s)%s  [%s]",
        r.startedAt(),
        r.outcome().name().toLowerCase(Locale.ROOT),
        r.cluster(),
        r.namespace(),
        r.kind(),
        r.name(),
        r.imageBefore(),
        r.imageAfter(),
        r.imageRequested() == null || r.imageRequested().equals(r.imageAfter())
            ? ""
            : " (requested " + r.imageRequested() + ")",
        took,
        r.trigger().type().name().toLowerCase(Locale.ROOT),
        r.trigger().value(),
        r.reason() == null ? "" : ": " + r.reason(),
        r.id());
  }
}
