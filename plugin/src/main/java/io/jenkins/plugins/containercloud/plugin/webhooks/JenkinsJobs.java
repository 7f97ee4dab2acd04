package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.StringParameterValue;
import hudson.model.queue.QueueTaskFuture;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.containercloud.webhook.JobLauncher;
import io.jenkins.plugins.containercloud.webhook.RolloutLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/**
 * Starts jobs for deliveries in Jenkins' queue: as the system (a delivery has no Jenkins user; the
 * hook's secret is its authentication and the administrator's rule names the jobs), with String
 * parameters and a {@link WebhookCause}, no quiet period.
 */
final class JenkinsJobs implements JobLauncher {

  @Override
  public Queued queue(JobRequest request) {
    try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
      @SuppressWarnings("rawtypes")
      Job job = Jenkins.get().getItemByFullName(request.job(), Job.class);
      if (job == null) {
        throw new IllegalArgumentException(
            "no job named " + request.job() + " exists; correct the rule's jobs");
      }
      List<ParameterValue> values = new ArrayList<>();
      JobBuilds.parameters(request).forEach((k, v) -> values.add(new StringParameterValue(k, v)));
      Queue.Item item =
          ParameterizedJobMixIn.scheduleBuild2(
              job,
              0,
              new ParametersAction(values),
              new CauseAction(
                  new WebhookCause(
                      request.source(), request.hook(), request.deliveryId(), request.rule())));
      if (item == null) {
        throw new IllegalArgumentException(
            "job "
                + request.job()
                + " cannot be started: it is disabled or not a Pipeline (parameterized) job");
      }
      return new QueuedBuild(request.job(), item.getId(), item.getFuture());
    }
  }

  /** A build in Jenkins' queue, and its future. */
  private record QueuedBuild(String job, long queueId, QueueTaskFuture<Queue.Executable> future)
      implements Queued {

    @Override
    public String describe() {
      return JobBuilds.queued(job, queueId);
    }

    @Override
    public RolloutLauncher.Ended awaitEnd() throws InterruptedException {
      Queue.Executable executable;
      try {
        executable = future.get();
      } catch (CancellationException e) {
        return new RolloutLauncher.Ended("FAILED", describe() + " was cancelled");
      } catch (ExecutionException e) {
        return new RolloutLauncher.Ended(
            "FAILED", describe() + " did not run: " + e.getCause().getMessage());
      }
      if (executable instanceof Run<?, ?> run) {
        return JobBuilds.ended(job, run.getNumber(), String.valueOf(run.getResult()));
      }
      return new RolloutLauncher.Ended("SUCCEEDED", describe() + " ran");
    }
  }
}
