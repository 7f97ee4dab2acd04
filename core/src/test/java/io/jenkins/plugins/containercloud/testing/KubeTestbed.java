package io.jenkins.plugins.containercloud.testing;

import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 fixture for the testbed's real Kubernetes control plane: a fabric8 client from {@code
 * KUBECONFIG}, a fresh namespace per test class (deleted afterwards), and the testbed's scripts to
 * add and remove kwok nodes and restart components. Use with {@code @RegisterExtension}.
 */
public final class KubeTestbed implements BeforeAllCallback, AfterAllCallback, TargetCluster {

  private KubernetesClient client;
  private String namespace;
  private final List<String> addedNodes = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    String kubeconfig = Testbed.require("KUBECONFIG");
    if (!Files.isRegularFile(Path.of(kubeconfig))) {
      fail(
          "KUBECONFIG "
              + kubeconfig
              + " does not exist; run testbed/up, then eval \"$(testbed/env)\"");
    }
    client = new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build();
    try {
      client.getKubernetesVersion();
    } catch (RuntimeException e) {
      fail("the testbed's kube-apiserver does not answer (" + e.getMessage() + "); run testbed/up");
    }
    String simpleName = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
    namespace =
        "it-"
            + simpleName.substring(0, Math.min(simpleName.length(), 40))
            + "-"
            + UUID.randomUUID().toString().substring(0, 6);
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    // The API server refuses pods in a namespace until the controller manager has created its
    // "default" service account, which it does a moment after the namespace.
    client
        .serviceAccounts()
        .inNamespace(namespace)
        .withName("default")
        .waitUntilCondition(java.util.Objects::nonNull, 60, TimeUnit.SECONDS);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (client == null) {
      return;
    }
    for (String node : List.copyOf(addedNodes)) {
      removeNode(node);
    }
    client.namespaces().withName(namespace).delete();
    client.close();
  }

  @Override
  public Path kubeconfig() {
    return Path.of(Testbed.require("KUBECONFIG"));
  }

  @Override
  public String kind() {
    return "testbed";
  }

  /** A client with the admin credentials of the testbed. */
  @Override
  public KubernetesClient client() {
    return client;
  }

  /** This test class's namespace. */
  @Override
  public String namespace() {
    return namespace;
  }

  /** Adds a kwok node (waits until Ready); removed again after the class. */
  public void addNode(String name, String cpu, String memory, String pods) {
    script("add-node", name, cpu, memory, pods);
    addedNodes.add(name);
  }

  /** Removes a node added by {@link #addNode}. */
  public void removeNode(String name) {
    script("remove-node", name);
    addedNodes.remove(name);
  }

  /** Restarts a control-plane component ({@code apiserver}, …) and waits until it is ready. */
  public void restart(String component) {
    script("restart", component);
  }

  /** Runs a command (kubectl, …) with the testbed's environment; fails the test if it fails. */
  public String run(String... command) {
    return exec(List.of(command));
  }

  private void script(String name, String... args) {
    List<String> command = new ArrayList<>(List.of(testbedDirectory().resolve(name).toString()));
    command.addAll(List.of(args));
    exec(command);
  }

  private static String exec(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return fail(String.join(" ", command) + " did not finish within 5 minutes");
      }
      String text = new String(output);
      if (process.exitValue() != 0) {
        fail(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      return fail("could not run " + command + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted running " + command);
    }
  }

  private static Path testbedDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("testbed/add-node"))) {
        return dir.resolve("testbed");
      }
    }
    return fail("testbed/ not found above " + Path.of("").toAbsolutePath());
  }
}
