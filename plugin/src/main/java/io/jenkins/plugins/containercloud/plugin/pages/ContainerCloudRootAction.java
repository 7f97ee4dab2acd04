package io.jenkins.plugins.containercloud.plugin.pages;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.RootAction;
import hudson.security.Permission;
import io.jenkins.plugins.containercloud.api.ApiException;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code JENKINS_URL/container-cloud/}: the Container Cloud pages (Overview, Cluster, Rollouts,
 * History, and Scaling and Webhooks where their engines are installed), each a Jelly shell that
 * mounts the dashboard app, and their JSON API at {@code container-cloud/api/v1/...}. It checks
 * permissions and delegates; {@link DashboardApi} answers.
 */
@Extension
public final class ContainerCloudRootAction implements RootAction {

  static final String URL_NAME = "container-cloud";

  /** The plugin's own symbol ({@code images/symbols/container-cloud.svg}). */
  static final String ICON = "symbol-container-cloud plugin-container-cloud";

  private final DashboardApi api =
      new DashboardApi(
          DashboardHost.INSTANCE::dashboard,
          io.jenkins.plugins.containercloud.plugin.pools.AutoscalerHost.INSTANCE::scaling,
          io.jenkins.plugins.containercloud.plugin.webhooks.WebhookHost::deliveries);

  /** In the header's menu for those who may see the pages; the URL answers everybody else 403. */
  @Override
  public String getIconFileName() {
    return Jenkins.get().hasPermission(ContainerCloudPermissions.VIEW) ? ICON : null;
  }

  @Override
  public String getDisplayName() {
    return "Container Cloud";
  }

  @Override
  public String getUrlName() {
    return URL_NAME;
  }

  /** The permission every page needs ({@code l:layout permission=}). */
  public Permission getViewPermission() {
    return ContainerCloudPermissions.VIEW;
  }

  /** Who looks at the page, for its {@code data-*} attributes. */
  public PageViewer getViewer() {
    Jenkins jenkins = Jenkins.get();
    return new PageViewer(
        Jenkins.getAuthentication2().getName(),
        ContainerCloudPermissions.granted(jenkins),
        features(),
        jenkins.hasPermission(Jenkins.ADMINISTER));
  }

  /** The Cluster page's route in the app: the first configured cluster, or the overview. */
  public String getClusterRoute() {
    List<ClusterSettings> clusters = ContainerCloudConfiguration.get().getClusters();
    return clusters.isEmpty() ? "" : "clusters/" + clusters.get(0).getName();
  }

  /**
   * {@code container-cloud/api/v1/...}: the dashboard's JSON API, the same routes and JSON as
   * {@code serve}'s {@code /api/v1}. Reads are GET; changes are POST and, like every POST to
   * Jenkins, need the crumb.
   */
  public void doApi(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
    Jenkins jenkins = Jenkins.get();
    ApiAnswer answer;
    try {
      ApiCall call =
          StaplerApiCalls.read(
              request,
              Jenkins.getAuthentication2().getName(),
              ContainerCloudPermissions.granted(jenkins),
              jenkins.hasPermission(Jenkins.ADMINISTER));
      answer = api.answer(call);
    } catch (ApiException e) {
      answer = DashboardApi.refused(e);
    }
    StaplerApiCalls.write(answer, response);
  }

  private static List<String> features() {
    return ExtensionList.lookup(DashboardFeature.class).stream()
        .map(DashboardFeature::getName)
        .sorted()
        .toList();
  }
}
