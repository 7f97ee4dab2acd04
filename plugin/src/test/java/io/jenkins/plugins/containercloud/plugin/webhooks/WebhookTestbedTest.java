package io.jenkins.plugins.containercloud.plugin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardCluster;
import io.jenkins.plugins.containercloud.api.WebhookRollouts;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.HistoryLease;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.TestImages;
import io.jenkins.plugins.containercloud.testing.Testbed;
import io.jenkins.plugins.containercloud.testing.Workloads;
import io.jenkins.plugins.containercloud.webhook.JobLauncher;
import io.jenkins.plugins.containercloud.webhook.RolloutLauncher;
import io.jenkins.plugins.containercloud.webhook.WebhookAnswer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the testbed, below the Jenkins boundary: an image pushed (by Jib) to the testbed's
 * notifying registry makes the registry POST its notification to the plugin's endpoint handler
 * ({@link WebhookRequests}, served here on the port the registry notifies, as Stapler would call
 * it), whose {@link WebhookHost} — made from the global configuration's hooks, secrets from
 * credentials — verifies and stores it, rolls the workload on the testbed's Kubernetes out to the
 * pushed digest, and starts the rule's job with the push as parameters.
 */
class WebhookTestbedTest {

  @RegisterExtension static final KubeTestbed CLUSTER = new KubeTestbed();

  @TempDir Path work;

  @Test
  void aRealPush_deploysThePushedDigest_andStartsTheRulesJob() throws Exception {
    String registry = Testbed.require("TESTBED_NOTIFY_REGISTRY");
    int port = Integer.parseInt(Testbed.require("TESTBED_NOTIFY_WEBHOOK_PORT"));
    String secret =
        Files.readString(Path.of(Testbed.require("TESTBED_NOTIFY_SECRET_FILE"))).strip();
    String repository = "it/jhook-" + UUID.randomUUID().toString().substring(0, 8);
    Workloads workloads = new Workloads(CLUSTER);
    workloads.deployment("web", 1, "1", 120);

    WebhookHookSettings hook =
        new WebhookHookSettings(Testbed.require("TESTBED_NOTIFY_HOOK"), "registry", "notify");
    WebhookRuleSettings deploy = new WebhookRuleSettings("web", repository);
    deploy.setTags("v*");
    deploy.setDeploy(
        new WebhookDeploySettings("testbed", CLUSTER.namespace(), "Deployment", "web"));
    WebhookRuleSettings pipeline = new WebhookRuleSettings("pipeline", repository);
    pipeline.setTags("v*");
    pipeline.setStartJobs(new WebhookJobSettings("team/web/verify"));
    hook.setRules(List.of(deploy, pipeline));
    RecordingJobs jobs = new RecordingJobs();

    try (TestConfigurations.Counting configuration =
            TestConfigurations.with(List.of(), List.of(), work.resolve("history"));
        Served served = new Served(port)) {
      configuration.setWebhooks(List.of(hook));
      TestbedEngines engines =
          new TestbedEngines(
              configuration,
              TestCredentials.resolver(TestCredentials.secretText("notify", secret)),
              jobs);
      WebhookHost host = new WebhookHost(engines);
      try {
        served.handler = new WebhookRequests(host::intake);

        PushedImage pushed =
            TestImages.push(work, ImageReference.parse(registry + "/" + repository + ":v1"));
        String expected = registry + "/" + repository + "@" + pushed.digest();

        await()
            .atMost(Duration.ofSeconds(120))
            .until(() -> expected.equals(workloads.deploymentImage("web")));
        await().atMost(Duration.ofSeconds(60)).until(() -> !jobs.queued.isEmpty());
        JobLauncher.JobRequest job = jobs.queued.get(0);
        assertThat(job.job()).isEqualTo("team/web/verify");
        assertThat(job.parameters())
            .containsEntry("IMAGE", registry + "/" + repository + ":v1")
            .containsEntry("IMAGE_DIGEST", pushed.digest().toString())
            .containsEntry("REPOSITORY", repository)
            .containsEntry("TAG", "v1");
        assertThat(job.source()).isEqualTo("registry");
        JsonNode delivery = deliveryFor(host, repository);
        assertThat(delivery.path("id").asText()).isEqualTo(job.deliveryId());
        assertThat(delivery.path("verification").asText()).isEqualTo("VERIFIED");
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    deliveryFor(host, repository)
                        .at("/triggers/0/status")
                        .asText()
                        .equals("SUCCEEDED"));
        JsonNode triggers = deliveryFor(host, repository).path("triggers");
        assertThat(triggers.get(0).path("image").asText()).isEqualTo(expected);
        assertThat(triggers.get(1).path("kind").asText()).isEqualTo("Job");
        assertThat(triggers.get(1).path("name").asText()).isEqualTo("team/web/verify");
        assertThat(triggers.get(1).path("reason").asText()).contains("queue item");
      } finally {
        host.close();
        engines.close();
      }
    }
  }

  /** The accepted delivery that names the repository (blob pushes arrive as ignored ones). */
  private static JsonNode deliveryFor(WebhookHost host, String repository) {
    for (JsonNode d : host.deliveriesNow().recent(500)) {
      if (d.path("triggers").size() > 0 && d.toString().contains(repository)) {
        return d;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /** The host's parts on the testbed: its cluster, and jobs recorded instead of queued. */
  private static final class TestbedEngines extends WebhookHost.Engines {
    private final ContainerCloudConfiguration configuration;
    private final CredentialResolver credentials;
    private final JobLauncher jobs;
    private final List<Dashboard> dashboards = new ArrayList<>();

    TestbedEngines(
        ContainerCloudConfiguration configuration,
        CredentialResolver credentials,
        JobLauncher jobs) {
      this.configuration = configuration;
      this.credentials = credentials;
      this.jobs = jobs;
    }

    @Override
    ContainerCloudConfiguration configuration() {
      return configuration;
    }

    @Override
    CredentialResolver credentials() {
      return credentials;
    }

    @Override
    RolloutLauncher rollouts(HistoryLease lease) {
      Clock clock = Clock.systemUTC();
      Dashboard dashboard =
          new Dashboard(
              List.of(
                  new DashboardCluster(
                      ClusterConfig.kubeconfig(
                          "testbed", CLUSTER.kubeconfig(), null, CLUSTER.namespace()),
                      "testbed",
                      false,
                      clock)),
              lease.deployments(),
              clock);
      dashboard.start();
      dashboards.add(dashboard);
      return new WebhookRollouts(dashboard.rollouts(), lease.deployments());
    }

    @Override
    JobLauncher jobs() {
      return jobs;
    }

    void close() {
      dashboards.forEach(Dashboard::close);
    }
  }

  /** Records the builds it is asked for; they end at once. */
  private static final class RecordingJobs implements JobLauncher {
    final List<JobRequest> queued = new CopyOnWriteArrayList<>();

    @Override
    public Queued queue(JobRequest request) {
      queued.add(request);
      int id = queued.size();
      return new Queued() {
        @Override
        public String describe() {
          return JobBuilds.queued(request.job(), id);
        }

        @Override
        public RolloutLauncher.Ended awaitEnd() {
          return JobBuilds.ended(request.job(), id, "SUCCESS");
        }
      };
    }
  }

  /**
   * The port the testbed registry notifies ({@code /hooks/registry/HOOK}), answered by the plugin's
   * handler as Jenkins' {@code container-cloud-webhook/registry/HOOK} would be.
   */
  private static final class Served implements AutoCloseable {
    private final HttpServer server;
    volatile WebhookRequests handler;

    Served(int port) throws Exception {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      server.createContext(
          "/hooks/",
          exchange -> {
            WebhookAnswer answer;
            try (InputStream body = exchange.getRequestBody()) {
              answer =
                  handler == null
                      ? WebhookAnswer.of(503, "unavailable", "not yet")
                      : handler.answer(
                          exchange.getRequestMethod(),
                          exchange.getRequestURI().getPath().substring("/hooks".length()),
                          exchange.getRequestHeaders(),
                          body);
            }
            byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), json.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(json);
            }
          });
      server.start();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
