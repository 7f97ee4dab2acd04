package io.jenkins.plugins.containercloud.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 fixture for the in-JVM sandbox cluster: one sandbox per test class, a namespace in it and
 * a kubeconfig that reaches it. Use with {@code @RegisterExtension}.
 */
public final class SandboxCluster implements BeforeAllCallback, AfterAllCallback, TargetCluster {

  private static final String NAMESPACE = "engine-tests";

  private Sandbox sandbox;
  private Path kubeconfig;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    sandbox = Sandbox.start();
    sandbox
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    kubeconfig = sandbox.writeKubeconfig(Files.createTempFile("sandbox-", ".kubeconfig"));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (sandbox != null) {
      sandbox.close();
    }
    if (kubeconfig != null) {
      Files.deleteIfExists(kubeconfig);
    }
  }

  /** The sandbox itself, for its node pool. */
  public Sandbox sandbox() {
    return sandbox;
  }

  @Override
  public KubernetesClient client() {
    return sandbox.client();
  }

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public Path kubeconfig() {
    if (kubeconfig == null) {
      throw new UncheckedIOException(new IOException("the sandbox has not started"));
    }
    return kubeconfig;
  }

  @Override
  public String kind() {
    return "sandbox";
  }
}
