package io.jenkins.plugins.containercloud.plugin.pools;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.containercloud.cluster.PodResources;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.Forms;
import io.jenkins.plugins.containercloud.plugin.Texts;
import io.jenkins.plugins.containercloud.scale.Bootstrap;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeTemplate;
import io.jenkins.plugins.containercloud.scale.Resources;
import io.jenkins.plugins.containercloud.scale.SecretRef;
import io.jenkins.plugins.containercloud.scale.Taint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * One node pool of the global configuration: its name and cluster, its bounds, what each node looks
 * like (CPU, memory, labels, taints, instance type, image), how a machine joins (user data, join
 * command, a Secret text join token) and the provider that makes its machines. It becomes the
 * engine's {@link NodePool}.
 */
public final class NodePoolSettings implements Describable<NodePoolSettings> {

  private final String name;
  private final String cluster;
  private final PoolProvider provider;
  private int minNodes;
  private int maxNodes = 1;
  private String cpu;
  private String memory;
  private int podsPerNode = 110;
  private String labels;
  private String taints;
  private String instanceType;
  private String image;
  private String network;
  private String userData;
  private String joinCommand;
  private String joinTokenCredentialsId;
  private String scaleDownDelay;

  @DataBoundConstructor
  public NodePoolSettings(String name, String cluster, PoolProvider provider) {
    this.name = Texts.trimToNull(name);
    this.cluster = Texts.trimToNull(cluster);
    this.provider = provider;
  }

  public String getName() {
    return name;
  }

  public String getCluster() {
    return cluster;
  }

  public PoolProvider getProvider() {
    return provider;
  }

  public int getMinNodes() {
    return minNodes;
  }

  @DataBoundSetter
  public void setMinNodes(int minNodes) {
    this.minNodes = minNodes;
  }

  public int getMaxNodes() {
    return maxNodes;
  }

  @DataBoundSetter
  public void setMaxNodes(int maxNodes) {
    this.maxNodes = maxNodes;
  }

  public String getCpu() {
    return cpu;
  }

  /** Allocatable CPU of a node, as Kubernetes writes it: {@code 4}, {@code 3500m}. */
  @DataBoundSetter
  public void setCpu(String cpu) {
    this.cpu = Texts.trimToNull(cpu);
  }

  public String getMemory() {
    return memory;
  }

  /** Allocatable memory of a node: {@code 16Gi}. */
  @DataBoundSetter
  public void setMemory(String memory) {
    this.memory = Texts.trimToNull(memory);
  }

  public int getPodsPerNode() {
    return podsPerNode;
  }

  @DataBoundSetter
  public void setPodsPerNode(int podsPerNode) {
    this.podsPerNode = podsPerNode;
  }

  public String getLabels() {
    return labels;
  }

  /** The nodes' labels, {@code key=value} separated by commas. */
  @DataBoundSetter
  public void setLabels(String labels) {
    this.labels = Texts.trimToNull(labels);
  }

  public String getTaints() {
    return taints;
  }

  /** The nodes' taints, {@code key=value:Effect} separated by commas. */
  @DataBoundSetter
  public void setTaints(String taints) {
    this.taints = Texts.trimToNull(taints);
  }

  public String getInstanceType() {
    return instanceType;
  }

  @DataBoundSetter
  public void setInstanceType(String instanceType) {
    this.instanceType = Texts.trimToNull(instanceType);
  }

  public String getImage() {
    return image;
  }

  @DataBoundSetter
  public void setImage(String image) {
    this.image = Texts.trimToNull(image);
  }

  public String getNetwork() {
    return network;
  }

  @DataBoundSetter
  public void setNetwork(String network) {
    this.network = Texts.trimToNull(network);
  }

  public String getUserData() {
    return userData;
  }

  /** The user-data template; {@code ${joinCommand}}, {@code ${token}}, ... are filled in. */
  @DataBoundSetter
  public void setUserData(String userData) {
    this.userData = userData == null || userData.isBlank() ? null : userData;
  }

  public String getJoinCommand() {
    return joinCommand;
  }

  @DataBoundSetter
  public void setJoinCommand(String joinCommand) {
    this.joinCommand = Texts.trimToNull(joinCommand);
  }

  public String getJoinTokenCredentialsId() {
    return joinTokenCredentialsId;
  }

  /** A Secret text holding the cluster's join token. */
  @DataBoundSetter
  public void setJoinTokenCredentialsId(String joinTokenCredentialsId) {
    this.joinTokenCredentialsId = Texts.trimToNull(joinTokenCredentialsId);
  }

  public String getScaleDownDelay() {
    return scaleDownDelay;
  }

  /** How long a node must be unneeded before it goes, ISO-8601 ({@code PT10M}, the default). */
  @DataBoundSetter
  public void setScaleDownDelay(String scaleDownDelay) {
    this.scaleDownDelay = Texts.trimToNull(scaleDownDelay);
  }

  /**
   * The engine's pool, its secrets (provider credentials, join token) written to {@code secrets}.
   *
   * @throws IllegalArgumentException naming the pool and the field when a value is wrong
   */
  public NodePool toNodePool(CredentialResolver credentials, SecretFiles secrets) {
    String where = "node pool " + name + ": ";
    try {
      if (provider == null) {
        throw new IllegalArgumentException("provider: choose the IaaS that makes its machines");
      }
      if (cluster == null) {
        throw new IllegalArgumentException("cluster: name the cluster its nodes join");
      }
      SecretRef token = null;
      if (joinTokenCredentialsId != null) {
        StringCredentials secret =
            credentials.require(
                "joinTokenCredentialsId",
                joinTokenCredentialsId,
                StringCredentials.class,
                "a Secret text (the join token)");
        token = SecretRef.parse("joinToken", secrets.reference(secret.getSecret().getPlainText()));
      }
      return new NodePool(
          name,
          cluster,
          provider.settings(credentials, secrets),
          new NodeTemplate(
              new Resources(
                  quantity("cpu", cpu, true), quantity("memory", memory, false), podsPerNode),
              labels(labels),
              taints(taints),
              instanceType,
              image,
              network),
          minNodes,
          maxNodes,
          maxNodes,
          duration("scaleDownDelay", scaleDownDelay),
          0.5,
          null,
          new Bootstrap(
              userData == null ? "#!/bin/sh\n${joinCommand}\n" : userData, joinCommand, token));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage(), e);
    }
  }

  /** The pool's first problem that needs no credentials, or nothing. */
  public Optional<String> problem() {
    try {
      toNodePool(id -> Optional.empty(), new SecretFiles());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      // Missing credentials are found at start, where Jenkins can look them up.
      return message.contains("no credentials with id") ? Optional.empty() : Optional.of(message);
    }
  }

  /** Everything a restart of the autoscaler depends on, as text (credentials by id only). */
  public String key() {
    return String.join(
        "\u0000",
        String.valueOf(name),
        String.valueOf(cluster),
        provider == null ? "-" : provider.key(),
        minNodes + "/" + maxNodes + "/" + podsPerNode,
        String.valueOf(cpu),
        String.valueOf(memory),
        String.valueOf(labels),
        String.valueOf(taints),
        String.valueOf(instanceType),
        String.valueOf(image),
        String.valueOf(network),
        String.valueOf(userData),
        String.valueOf(joinCommand),
        String.valueOf(joinTokenCredentialsId),
        String.valueOf(scaleDownDelay));
  }

  static long quantity(String field, String text, boolean cpu) {
    if (text == null) {
      throw new IllegalArgumentException(
          field + ": give the node's allocatable " + field + (cpu ? ", e.g. 4" : ", e.g. 16Gi"));
    }
    try {
      Quantity q = new Quantity(text);
      return cpu ? PodResources.cpuMillis(q) : PodResources.bytes(q);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          field
              + ": '"
              + text
              + "' is not a Kubernetes quantity; write e.g. "
              + (cpu ? "4 or 3500m" : "16Gi or 512Mi"),
          e);
    }
  }

  static Map<String, String> labels(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null) {
      return labels;
    }
    for (String pair : text.split(",")) {
      String p = pair.strip();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "labels: '" + p + "' is not key=value; write e.g. tier=burst,disk=ssd");
      }
      labels.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
    }
    return labels;
  }

  static List<Taint> taints(String text) {
    List<Taint> taints = new ArrayList<>();
    if (text == null) {
      return taints;
    }
    for (String entry : text.split(",")) {
      String t = entry.strip();
      int eq = t.indexOf('=');
      int colon = t.lastIndexOf(':');
      if (eq <= 0 || colon < eq) {
        throw new IllegalArgumentException(
            "taints: '" + t + "' is not key=value:Effect; write e.g. dedicated=ci:NoSchedule");
      }
      taints.add(new Taint(t.substring(0, eq), t.substring(eq + 1, colon), t.substring(colon + 1)));
    }
    return taints;
  }

  static Duration duration(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Duration.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          field + ": '" + text + "' is not an ISO-8601 duration; write e.g. PT10M", e);
    }
  }

  /** The form of a pool and its checks. */
  @Extension
  @Symbol("nodePool")
  public static final class DescriptorImpl extends Descriptor<NodePoolSettings> {

    @Override
    public String getDisplayName() {
      return "Node pool";
    }

    public FormValidation doCheckCpu(@QueryParameter String value) {
      return check(() -> quantity("cpu", Texts.trimToNull(value), true));
    }

    public FormValidation doCheckMemory(@QueryParameter String value) {
      return check(() -> quantity("memory", Texts.trimToNull(value), false));
    }

    public FormValidation doCheckLabels(@QueryParameter String value) {
      return check(() -> labels(Texts.trimToNull(value)));
    }

    public FormValidation doCheckTaints(@QueryParameter String value) {
      return check(() -> taints(Texts.trimToNull(value)));
    }

    public FormValidation doCheckScaleDownDelay(@QueryParameter String value) {
      return check(() -> duration("scaleDownDelay", Texts.trimToNull(value)));
    }

    /** Secret texts of the global scope (join tokens). */
    public ListBoxModel doFillJoinTokenCredentialsIdItems(
        @QueryParameter String joinTokenCredentialsId) {
      return Forms.globalCredentials(joinTokenCredentialsId, StringCredentials.class);
    }

    private static FormValidation check(Runnable parse) {
      try {
        parse.run();
        return FormValidation.ok();
      } catch (IllegalArgumentException e) {
        return FormValidation.error(e.getMessage());
      }
    }
  }
}
