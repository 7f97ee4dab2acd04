package io.jenkins.plugins.containercloud.standalone.server;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.containercloud.api.ApiException;
import io.jenkins.plugins.containercloud.api.DashboardJson.RolloutStart;
import io.jenkins.plugins.containercloud.api.LiveRollouts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve --demo} puts on the sandbox cluster so that every page has something real to
 * show: a few namespaces with Deployments, a ReplicationController and Services, a workload too big
 * for any node (pending pods and warnings), and a rollout about every minute — every third one an
 * image that never becomes Ready, which fails and is rolled back.
 */
final class DemoWorkloads implements AutoCloseable {

  static final String USER = "demo-pipeline";
  static final Duration INTERVAL = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(DemoWorkloads.class);
  private static final String REGISTRY = "registry.demo.example/";

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "demo-rollouts");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger round = new AtomicInteger();

  /** Creates the demo's objects. */
  static void seed(KubernetesClient client) {
    for (String ns : List.of("shop", "payments", "batch")) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
    deployment(client, "shop", "web", 3, "shop/web:1.0", "250m", "256Mi");
    deployment(client, "shop", "api", 2, "shop/api:2.3", "500m", "512Mi");
    service(client, "shop", "web", 8080);
    service(client, "shop", "api", 9000);
    client
        .replicationControllers()
        .inNamespace("payments")
        .resource(
            new ReplicationControllerBuilder()
                .withNewMetadata()
                .withName("ledger")
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withSelector(Map.of("app", "ledger"))
                .withTemplate(template("ledger", "payments/ledger:5.1", "200m", "384Mi"))
                .endSpec()
                .build())
        .create();
    service(client, "payments", "ledger", 7000);
    // Asks for more than any node has: its pods stay Pending and the scheduler warns.
    deployment(client, "batch", "report", 1, "batch/report:0.9", "16", "64Gi");
  }

  /** Starts a rollout every {@link #INTERVAL}, the first after a few seconds. */
  void start(LiveRollouts rollouts) {
    timer.scheduleWithFixedDelay(() -> next(rollouts), 5, INTERVAL.toSeconds(), TimeUnit.SECONDS);
  }

  private void next(LiveRollouts rollouts) {
    int n = round.incrementAndGet();
    boolean failing = n % 3 == 0;
    boolean rc = n % 2 == 0;
    String image =
        REGISTRY + (rc ? "payments/ledger:5." : "shop/web:1.") + n + (failing ? "-neverready" : "");
    RolloutStart start =
        new RolloutStart(
            "sandbox",
            rc ? "payments" : "shop",
            rc ? "ReplicationController" : "Deployment",
            rc ? "ledger" : "web",
            null,
            image,
            "1",
            "0",
            failing ? 15 : 120);
    try {
      rollouts.start(start, USER);
    } catch (ApiException e) {
      LOG.info("demo rollout skipped: {}", e.getMessage()); // e.g. the previous one still runs
    } catch (RuntimeException e) {
      LOG.warn("demo rollout could not start", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private static void deployment(
      KubernetesClient client,
      String ns,
      String name,
      int replicas,
      String image,
      String cpu,
      String memory) {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(Map.of("app", name))
                .endSelector()
                .withTemplate(template(name, image, cpu, memory))
                .endSpec()
                .build())
        .create();
  }

  private static void service(KubernetesClient client, String ns, String name, int port) {
    client
        .services()
        .inNamespace(ns)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", name))
                .addNewPort()
                .withPort(80)
                .withTargetPort(new IntOrString(port))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build())
        .create();
  }

  private static PodTemplateSpec template(String app, String image, String cpu, String memory) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(Map.of("app", app))
        .endMetadata()
        .withNewSpec()
        .withContainers(
            new ContainerBuilder()
                .withName(app)
                .withImage(REGISTRY + image)
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                .endResources()
                .build())
        .endSpec()
        .build();
  }
}
