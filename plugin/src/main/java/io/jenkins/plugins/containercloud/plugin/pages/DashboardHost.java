package io.jenkins.plugins.containercloud.plugin.pages;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import io.jenkins.plugins.containercloud.api.ApiException;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardCluster;
import io.jenkins.plugins.containercloud.plugin.ClusterConnector;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.HistoryLease;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadAction;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadRef;
import io.jenkins.plugins.containercloud.plugin.action.WorkloadState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * Keeps the {@link Dashboard} the Container Cloud pages read: made on first use from the global
 * configuration (its clusters, the shared history), made anew when that configuration changes (the
 * old one is closed in the background, its rollouts finishing first), closed when Jenkins stops.
 */
public final class DashboardHost {

  private static final Logger LOG = Logger.getLogger(DashboardHost.class.getName());

  /** The one host of this Jenkins. */
  static final DashboardHost INSTANCE = new DashboardHost();

  private Generation current;

  DashboardHost() {}

  /**
   * The dashboard for the configuration now in force.
   *
   * @throws ApiException 503 while no dashboard can be made (the history cannot be opened)
   */
  synchronized Dashboard dashboard() {
    ContainerCloudConfiguration configuration = ContainerCloudConfiguration.get();
    String key = key(configuration);
    if (current == null || !current.key().equals(key)) {
      Generation old = current;
      current = null;
      retire(old);
      current = open(configuration, key);
    }
    return current.dashboard();
  }

  /**
   * The dashboard for the configuration now in force, for other hosts of the plugin (the webhook
   * processor rolls out through its live rollouts).
   *
   * @throws ApiException 503 while no dashboard can be made
   */
  public static Dashboard current() {
    return INSTANCE.dashboard();
  }

  /** Lets the jobs' workload panels read the dashboard's caches. */
  @Initializer(after = InitMilestone.PLUGINS_STARTED)
  public static void install() {
    WorkloadAction.readStatesWith(DashboardHost::state);
  }

  /** What {@code workload} runs now, for those who may see the Container Cloud pages. */
  static WorkloadState state(WorkloadRef workload) {
    if (!Jenkins.get().hasPermission(ContainerCloudPermissions.VIEW)) {
      return WorkloadState.unavailable(
          workload, "seeing it needs the permission Container Cloud/View");
    }
    try {
      return WorkloadState.find(
          workload, INSTANCE.dashboard().workloads(workload.cluster(), workload.namespace()));
    } catch (ApiException e) {
      return WorkloadState.unavailable(workload, e.getMessage());
    }
  }

  /** Closes the dashboard when Jenkins stops: rollouts it runs roll back and are recorded. */
  @Terminator
  public static void shutDown() {
    Generation last;
    synchronized (INSTANCE) {
      last = INSTANCE.current;
      INSTANCE.current = null;
    }
    if (last != null) {
      last.close();
    }
  }

  /** Everything of the configuration the dashboard is made from, as one comparable text. */
  static String key(ContainerCloudConfiguration configuration) {
    StringBuilder key = new StringBuilder();
    for (ClusterSettings c : configuration.getClusters()) {
      key.append(
          String.join(
              "\u0000",
              String.valueOf(c.getName()),
              String.valueOf(c.getCredentialsId()),
              String.valueOf(c.getServerUrl()),
              String.valueOf(c.getNamespace()),
              String.valueOf(c.getCaCertificate())));
      key.append('\u0001');
    }
    key.append(configuration.historyKey());
    return key.toString();
  }

  private static Generation open(ContainerCloudConfiguration configuration, String key) {
    CredentialResolver credentials = CredentialResolver.system();
    HistoryLease history;
    try {
      history = configuration.openHistory(credentials);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Container Cloud: the deployment history cannot be opened", e);
      throw new ApiException(
          503,
          "the deployment history cannot be opened ("
              + e.getMessage()
              + "); check Manage Jenkins » System » Container Cloud",
          null);
    }
    Clock clock = Clock.systemUTC();
    List<DashboardCluster> clusters = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (ClusterSettings settings : configuration.getClusters()) {
      Path file = ClusterConnector.privateFile(settings);
      files.add(file);
      try {
        clusters.add(
            new DashboardCluster(
                ClusterConnector.config(settings, credentials, file),
                settings.getServerUrl() != null ? settings.getServerUrl() : "kubeconfig",
                false,
                clock));
      } catch (RuntimeException e) {
        // The configuration page and its Test connection say what is wrong with it.
        LOG.log(
            Level.WARNING,
            "Container Cloud: cluster {0} is left off the pages: {1}",
            new Object[] {settings.getName(), e.getMessage()});
      }
    }
    Dashboard dashboard = new Dashboard(clusters, history.deployments(), clock);
    dashboard.start();
    return new Generation(key, dashboard, history, files);
  }

  private static void retire(Generation old) {
    if (old != null) {
      Thread closer = new Thread(old::close, "container-cloud-dashboard-close");
      closer.setDaemon(true);
      closer.start();
    }
  }

  /** One dashboard and what it holds open. */
  private record Generation(
      String key, Dashboard dashboard, HistoryLease history, List<Path> kubeconfigs) {

    void close() {
      try {
        dashboard.close();
      } finally {
        history.close();
        kubeconfigs.forEach(ClusterConnector::delete);
      }
    }
  }
}
