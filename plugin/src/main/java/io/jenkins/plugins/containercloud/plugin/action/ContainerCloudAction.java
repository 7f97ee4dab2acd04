package io.jenkins.plugins.containercloud.plugin.action;

import hudson.model.Run;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The Container Cloud summary of one build: the images its steps built or pushed (with digests) and
 * the deployments they ran (outcome, duration, rollback). Shown on the build page ({@code
 * summary.jelly}) and exported in the build's remote API ({@code BUILD_URL/api/json}).
 */
@ExportedBean
public final class ContainerCloudAction implements RunAction2 {

  private final List<ImageEntry> images = new ArrayList<>();
  private final List<DeploymentEntry> deployments = new ArrayList<>();

  /** The build this summary belongs to; set by Jenkins when attached or loaded, never saved. */
  private transient Run<?, ?> run;

  public synchronized void add(ImageEntry image) {
    images.add(image);
  }

  public synchronized void add(DeploymentEntry deployment) {
    deployments.add(deployment);
  }

  @Exported
  public synchronized List<ImageEntry> getImages() {
    return List.copyOf(images);
  }

  @Exported
  public synchronized List<DeploymentEntry> getDeployments() {
    return List.copyOf(deployments);
  }

  /** The build, or null before Jenkins attached the summary to it. */
  public Run<?, ?> getRun() {
    return run;
  }

  @Override
  public void onAttached(Run<?, ?> run) {
    this.run = run;
  }

  @Override
  public void onLoad(Run<?, ?> run) {
    this.run = run;
  }

  /** No entry in the side panel: the summary is on the build page itself. */
  @Override
  public String getIconFileName() {
    return null;
  }

  @Override
  public String getDisplayName() {
    return "Container Cloud";
  }

  @Override
  public String getUrlName() {
    return "container-cloud";
  }
}
