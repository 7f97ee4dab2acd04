package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which cluster and namespace a command works on: a kubeconfig file, context and namespace. */
final class ClusterOptions {

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "Context of the kubeconfig (default: its current context).")
  String context;

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description =
          "The cluster's name in the history (default: the context's name, or 'default').")
  String cluster;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description = "Namespace (default: the context's namespace, else 'default').")
  String namespace;

  ClusterConfig config(Map<String, String> environment) {
    return ClusterConfig.kubeconfig(clusterName(), kubeconfigFile(environment), context, namespace);
  }

  String clusterName() {
    if (cluster != null && !cluster.isBlank()) {
      return cluster;
    }
    return context != null ? context : "default";
  }

  private Path kubeconfigFile(Map<String, String> environment) {
    if (kubeconfig != null) {
      return kubeconfig;
    }
    String fromEnvironment = environment.get("KUBECONFIG");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      // Like kubectl, take the first file of a path list.
      return Path.of(fromEnvironment.split(File.pathSeparator)[0]);
    }
    return Path.of(
        environment.getOrDefault("HOME", System.getProperty("user.home")), ".kube", "config");
  }
}
