package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import io.jenkins.plugins.containercloud.api.ApiException;
import io.jenkins.plugins.containercloud.api.WebhookDeliveries;
import io.jenkins.plugins.containercloud.api.WebhookRollouts;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.HistoryLease;
import io.jenkins.plugins.containercloud.plugin.pages.DashboardHost;
import io.jenkins.plugins.containercloud.webhook.DigestResolver;
import io.jenkins.plugins.containercloud.webhook.HookSettings;
import io.jenkins.plugins.containercloud.webhook.JobLauncher;
import io.jenkins.plugins.containercloud.webhook.RolloutLauncher;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import io.jenkins.plugins.containercloud.webhook.WebhookProcessor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the webhook engine of this Jenkins: the intake the endpoint hands deliveries to, the
 * processor that runs what they trigger, and the Webhooks page's façade, all on the shared history;
 * made from the global configuration on first use (or when Jenkins starts, so that triggers a
 * restart left pending run), made anew when the hooks or their secrets change, closed when Jenkins
 * stops.
 */
public final class WebhookHost {

  private static final Logger LOG = Logger.getLogger(WebhookHost.class.getName());

  /** The one host of this Jenkins. */
  static final WebhookHost INSTANCE = new WebhookHost();

  private final Engines engines;
  private Generation current;

  WebhookHost() {
    this(new Engines());
  }

  WebhookHost(Engines engines) {
    this.engines = engines;
  }

  /** The intake for the configuration now in force. */
  WebhookIntake intake() {
    return generation().intake();
  }

  /**
   * The Webhooks page's façade for the configuration now in force.
   *
   * @throws ApiException 503 naming what is wrong while none can be made
   */
  public static WebhookDeliveries deliveries() {
    try {
      return INSTANCE.deliveriesNow();
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Container Cloud: webhooks cannot be set up", e);
      throw new ApiException(
          503,
          "the webhooks cannot be set up ("
              + e.getMessage()
              + "); check Manage Jenkins » System » Container Cloud",
          null);
    }
  }

  WebhookDeliveries deliveriesNow() {
    return generation().deliveries();
  }

  /** Starts the processor when Jenkins has loaded its jobs, if any hook is configured. */
  @Initializer(after = InitMilestone.JOB_LOADED)
  public static void start() {
    if (!ContainerCloudConfiguration.get().getWebhooks().isEmpty()) {
      try {
        INSTANCE.generation();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Container Cloud: webhooks cannot start: {0}", e.getMessage());
      }
    }
  }

  /** Stops the processor when Jenkins stops; what it was running resumes at the next start. */
  @Terminator
  public static void shutDown() {
    INSTANCE.close();
  }

  synchronized void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  private synchronized Generation generation() {
    ContainerCloudConfiguration configuration = engines.configuration();
    CredentialResolver credentials = engines.credentials();
    List<HookSettings> hooks =
        configuration.getWebhooks().stream().map(h -> h.toHook(credentials)).toList();
    String key = HookKeys.of(hooks) + "\u0000" + configuration.historyKey();
    if (current == null || !current.key().equals(key)) {
      close();
      current = open(configuration, credentials, hooks, key);
    }
    return current;
  }

  private Generation open(
      ContainerCloudConfiguration configuration,
      CredentialResolver credentials,
      List<HookSettings> hooks,
      String key) {
    HistoryLease lease = configuration.openHistory(credentials);
    try {
      Clock clock = Clock.systemUTC();
      WebhookHistory history = lease.deployments().webhooks();
      WebhookProcessor processor =
          new WebhookProcessor(
              history,
              engines.rollouts(lease),
              engines.digests(configuration, credentials),
              null,
              engines.jobs(),
              clock);
      WebhookIntake intake = new WebhookIntake(hooks, history, clock, processor::wake);
      processor.start();
      return new Generation(key, intake, processor, new WebhookDeliveries(history, intake), lease);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /** What the host is made from; tests hand in their own. */
  static class Engines {

    ContainerCloudConfiguration configuration() {
      return ContainerCloudConfiguration.get();
    }

    CredentialResolver credentials() {
      return CredentialResolver.system();
    }

    /** Deploy rules roll out through the pages' live rollouts, as the Rollouts page does. */
    RolloutLauncher rollouts(HistoryLease lease) {
      return new RolloutLauncher() {
        @Override
        public Ended run(WebhookTriggerRow trigger, String image, String deploymentId) {
          return new WebhookRollouts(DashboardHost.current().rollouts(), lease.deployments())
              .run(trigger, image, deploymentId);
        }

        @Override
        public Optional<String> recordedOutcome(String deploymentId) {
          return lease.deployments().find(deploymentId).map(r -> r.outcome().name());
        }
      };
    }

    DigestResolver digests(
        ContainerCloudConfiguration configuration, CredentialResolver credentials) {
      return new ConfiguredDigests(configuration, credentials);
    }

    JobLauncher jobs() {
      return new JenkinsJobs();
    }
  }

  /** One configuration's engine and what it holds open. */
  private record Generation(
      String key,
      WebhookIntake intake,
      WebhookProcessor processor,
      WebhookDeliveries deliveries,
      HistoryLease history) {

    void close() {
      try {
        processor.close();
        intake.close();
      } finally {
        history.close();
      }
    }
  }
}
