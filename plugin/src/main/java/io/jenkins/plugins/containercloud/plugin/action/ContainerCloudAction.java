package io.jenkins.plugins.containercloud.plugin.action;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.model.Action;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.GET;

/**
 * The Container Cloud summary of one build: the images its steps built or pushed (with digests) and
 * the deployments they ran (outcome, duration, rollback). Shown on the build page ({@code
 * summary.jelly}) and served as JSON at {@code BUILD_URL/container-cloud/json}.
 */
public final class ContainerCloudAction implements Action {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ImageEntry> images = new ArrayList<>();
  private final List<DeploymentEntry> deployments = new ArrayList<>();

  public synchronized void add(ImageEntry image) {
    images.add(image);
  }

  public synchronized void add(DeploymentEntry deployment) {
    deployments.add(deployment);
  }

  public synchronized List<ImageEntry> getImages() {
    return List.copyOf(images);
  }

  public synchronized List<DeploymentEntry> getDeployments() {
    return List.copyOf(deployments);
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

  /** {@code BUILD_URL/container-cloud/json}: the summary's data. */
  @GET
  public void doJson(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(json());
  }

  /** The summary as JSON: {@code {"images": [...], "deployments": [...]}}. */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode imageArray = root.putArray("images");
    for (ImageEntry image : getImages()) {
      ObjectNode node = imageArray.addObject();
      node.put("operation", image.getOperation());
      node.put("reference", image.getReference());
      node.put("digest", image.getDigest());
      image.getTags().forEach(node.putArray("tags")::add);
      node.put("daemonless", image.isDaemonless());
    }
    ArrayNode deploymentArray = root.putArray("deployments");
    for (DeploymentEntry d : getDeployments()) {
      ObjectNode node = deploymentArray.addObject();
      node.put("deploymentId", d.getDeploymentId());
      node.put("operation", d.getOperation());
      node.put("cluster", d.getCluster());
      node.put("namespace", d.getNamespace());
      node.put("kind", d.getKind());
      node.put("name", d.getName());
      node.put("imageBefore", d.getImageBefore());
      node.put("imageAfter", d.getImageAfter());
      node.put("outcome", d.getOutcome());
      node.put("rolledBack", d.isRolledBack());
      node.put("durationMillis", d.getDurationMillis());
      node.put("reason", d.getReason());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
