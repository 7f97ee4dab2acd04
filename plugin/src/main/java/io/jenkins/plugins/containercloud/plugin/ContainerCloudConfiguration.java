package io.jenkins.plugins.containercloud.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.plugin.pools.NodePoolSettings;
import io.jenkins.plugins.containercloud.plugin.pools.PoolsLifecycle;
import io.jenkins.plugins.containercloud.plugin.webhooks.WebhookHookSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * "Container Cloud" in Manage Jenkins: the clusters steps deploy to, the registries they push to,
 * and where the deployment history is kept. Everything is data-bound, so configuration as code can
 * express it (see docs/jenkins.md).
 */
@Extension
@Symbol("containerCloud")
public class ContainerCloudConfiguration extends GlobalConfiguration {

  private List<ClusterSettings> clusters = new ArrayList<>();
  private List<RegistrySettings> registries = new ArrayList<>();
  private HistoryDatabaseSettings historyDatabase;
  private List<WebhookHookSettings> webhooks = new ArrayList<>();
  private List<NodePoolSettings> nodePools = new ArrayList<>();

  /** While the form is bound: its saves do not restart the autoscaler, the last one does. */
  private transient volatile boolean binding;

  private final transient HistoryConnections history = new HistoryConnections();

  /** Jenkins creates the one instance and loads what was saved. */
  @SuppressWarnings("this-escape") // Jenkins' idiom: a GlobalConfiguration loads itself when made
  public ContainerCloudConfiguration() {
    load();
  }

  /** An instance that loads nothing: for tests, which have no Jenkins to load from. */
  ContainerCloudConfiguration(boolean loadSaved) {
    if (loadSaved) {
      load();
    }
  }

  /** The instance Jenkins holds. */
  public static ContainerCloudConfiguration get() {
    return ExtensionList.lookupSingleton(ContainerCloudConfiguration.class);
  }

  @Override
  public String getDisplayName() {
    return "Container Cloud";
  }

  public List<ClusterSettings> getClusters() {
    return clusters == null ? List.of() : List.copyOf(clusters);
  }

  @DataBoundSetter
  public void setClusters(List<ClusterSettings> clusters) {
    this.clusters = clusters == null ? new ArrayList<>() : new ArrayList<>(clusters);
    save();
  }

  public List<RegistrySettings> getRegistries() {
    return registries == null ? List.of() : List.copyOf(registries);
  }

  @DataBoundSetter
  public void setRegistries(List<RegistrySettings> registries) {
    this.registries = registries == null ? new ArrayList<>() : new ArrayList<>(registries);
    save();
  }

  /** The hooks at {@code JENKINS_URL/container-cloud-webhook/{source}/{name}} and their rules. */
  public List<WebhookHookSettings> getWebhooks() {
    return webhooks == null ? List.of() : List.copyOf(webhooks);
  }

  @DataBoundSetter
  public void setWebhooks(List<WebhookHookSettings> webhooks) {
    this.webhooks = webhooks == null ? new ArrayList<>() : new ArrayList<>(webhooks);
    save();
  }

  /** The external history database, or null for the embedded H2 file. */
  public HistoryDatabaseSettings getHistoryDatabase() {
    return historyDatabase;
  }

  @DataBoundSetter
  public void setHistoryDatabase(HistoryDatabaseSettings historyDatabase) {
    this.historyDatabase = historyDatabase;
    save();
  }

  /** The node pools the autoscaler grows and shrinks (docs/jenkins.md, "Node pools in Jenkins"). */
  public List<NodePoolSettings> getNodePools() {
    return nodePools == null ? List.of() : List.copyOf(nodePools);
  }

  @DataBoundSetter
  public void setNodePools(List<NodePoolSettings> nodePools) {
    this.nodePools = nodePools == null ? new ArrayList<>() : new ArrayList<>(nodePools);
    save();
  }

  /** Saves, then lets the autoscaler follow what changed (it restarts only if its part did). */
  @Override
  public void save() {
    super.save();
    if (!binding) {
      PoolsLifecycle.configured(this);
    }
  }

  /**
   * Lists that the form leaves out (every entry deleted, the database unticked) must end up empty,
   * but binding only calls the setters of what the form sends; so start from empty.
   */
  @Override
  public boolean configure(StaplerRequest2 req, JSONObject json) throws Descriptor.FormException {
    clusters = new ArrayList<>();
    registries = new ArrayList<>();
    historyDatabase = null;
    webhooks = new ArrayList<>();
    nodePools = new ArrayList<>();
    boolean result;
    binding = true;
    try {
      result = super.configure(req, json);
    } finally {
      binding = false;
    }
    save();
    return result;
  }

  /** The cluster steps call {@code name}. */
  public Optional<ClusterSettings> cluster(String name) {
    return getClusters().stream().filter(c -> name.equals(c.getName())).findFirst();
  }

  /** The cluster {@code name}, or an exception naming {@code field} and the configured clusters. */
  public ClusterSettings requireCluster(String field, String name) {
    return cluster(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    field
                        + ": no cluster named '"
                        + name
                        + "' is configured"
                        + (getClusters().isEmpty()
                            ? ""
                            : " (configured: "
                                + getClusters().stream()
                                    .map(ClusterSettings::getName)
                                    .collect(Collectors.joining(", "))
                                + ")")
                        + "; add it in Manage Jenkins » System » Container Cloud"));
  }

  /** The registry entry for {@code host}, as an image reference names it. */
  public Optional<RegistrySettings> registry(String host) {
    return getRegistries().stream().filter(r -> r.isFor(host)).findFirst();
  }

  /**
   * A use of the history, opened on first use and shared by every step; close it when done. A use
   * keeps its database open even if the setting changes meanwhile.
   */
  public HistoryLease openHistory(CredentialResolver credentials) {
    HistoryDatabaseSettings external = historyDatabase;
    if (external == null) {
      Path file = embeddedHistoryFile();
      return history.acquire("embedded " + file, () -> HistoryDatabase.h2File(file));
    }
    return history.acquire(external.key(), () -> external.database(credentials));
  }

  /** Which history {@link #openHistory} opens now, as a text that changes with the setting. */
  public String historyKey() {
    HistoryDatabaseSettings external = historyDatabase;
    return external == null ? "embedded" : external.key();
  }

  /** Closes the shared history (once its current uses end); the next step opens it again. */
  void closeHistory() {
    history.close();
  }

  /** Where the embedded history lives: {@code $JENKINS_HOME/container-cloud/history.mv.db}. */
  Path embeddedHistoryFile() {
    return historyFileUnder(Jenkins.get().getRootDir().toPath());
  }

  /** The embedded history's file (without H2's {@code .mv.db}) under a Jenkins home. */
  static Path historyFileUnder(Path jenkinsHome) {
    return jenkinsHome.resolve("container-cloud").resolve("history");
  }
}
