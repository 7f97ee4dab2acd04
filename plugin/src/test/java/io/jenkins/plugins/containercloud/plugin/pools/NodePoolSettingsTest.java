package io.jenkins.plugins.containercloud.plugin.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import io.jenkins.plugins.containercloud.plugin.DataBinding;
import io.jenkins.plugins.containercloud.plugin.ProjectFiles;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import io.jenkins.plugins.containercloud.plugin.TestCredentials;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeProviders;
import io.jenkins.plugins.containercloud.scale.Taint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the node pools of the global configuration: the documented configuration as code binds
 * to them, they become the engine's pools with their secrets in private files only, and wrong
 * values are refused naming the field.
 */
class NodePoolSettingsTest {

  private static final String EXAMPLE = "docs/examples/jenkins-casc-node-pools.yaml";

  @TempDir Path dir;

  private final CredentialResolver credentials =
      TestCredentials.resolver(
          TestCredentials.usernamePassword("aws-autoscaler", "AKIAEXAMPLE", "aws-secret-value"),
          TestCredentials.usernamePassword("openstack-autoscaler", "autoscaler", "os-password"),
          TestCredentials.secretText("kubeadm-join-token", "abcdef.0123456789abcdef"));

  @Test
  @SuppressWarnings("unchecked")
  void theDocumentedYaml_bindsToPools_thatBecomeTheEnginesPools() throws Exception {
    // Configuration as code turns ^${...} into ${...}: what the engine fills in itself.
    String text = Files.readString(ProjectFiles.find(EXAMPLE)).replace("^${", "${");
    Map<String, Object> yaml = new ObjectMapper(new YAMLFactory()).readValue(text, Map.class);
    Map<String, Object> containerCloud =
        (Map<String, Object>)
            ((Map<String, Object>) yaml.get("unclassified")).get("containerCloud");

    try (TestConfigurations.Counting configuration =
            TestConfigurations.with(
                List.of(new ClusterSettings("production", "kubeconfig")), List.of(), dir);
        SecretFiles secrets = new SecretFiles()) {
      DataBinding.apply(configuration, containerCloud);

      assertThat(configuration.getNodePools())
          .extracting(NodePoolSettings::getName)
          .containsExactly("workers", "batch");
      assertThat(configuration.getNodePools()).allSatisfy(p -> assertThat(p.problem()).isEmpty());
      NodePool workers = configuration.getNodePools().get(0).toNodePool(credentials, secrets);
      NodePool batch = configuration.getNodePools().get(1).toNodePool(credentials, secrets);

      assertThat(workers.cluster()).isEqualTo("production");
      assertThat(workers.min()).isEqualTo(1);
      assertThat(workers.max()).isEqualTo(10);
      assertThat(workers.template().allocatable().cpuMillis()).isEqualTo(4000);
      assertThat(workers.template().allocatable().memoryBytes()).isEqualTo(16L << 30);
      assertThat(workers.template().labels()).containsEntry("tier", "workers");
      assertThat(workers.provider().type()).isEqualTo("ec2");
      assertThat(workers.provider().settings())
          .containsEntry("region", "eu-central-1")
          .containsEntry("subnetId", "subnet-0abc1234");
      assertThat(workers.provider().secret("secretAccessKeyRef").resolve())
          .isEqualTo("aws-secret-value");
      assertThat(workers.provider().secret("accessKeyIdRef").resolve()).isEqualTo("AKIAEXAMPLE");
      assertThat(workers.bootstrap().render(workers))
          .contains("--token abcdef.0123456789abcdef --discovery-token-ca-cert-hash");
      assertThat(batch.provider().type()).isEqualTo("openstack");
      assertThat(batch.provider().settings()).containsEntry("username", "autoscaler");
      assertThat(batch.template().taints())
          .containsExactly(new Taint("dedicated", "batch", "NoSchedule"));
      NodeProviders.validate(batch.provider());
      // The engine's settings name files, never the secrets.
      String settings = workers.provider() + " " + batch.provider() + " " + workers.bootstrap();
      assertThat(settings)
          .doesNotContain("aws-secret-value", "os-password", "abcdef.0123456789abcdef")
          .contains("file:");
      assertThat(secrets.count()).isEqualTo(5);
    }
  }

  @Test
  void theGuide_showsTheSameYaml() throws Exception {
    String example = Files.readString(ProjectFiles.find(EXAMPLE));
    String guide = Files.readString(ProjectFiles.find("docs/jenkins.md"));

    assertThat(guide).contains(example.substring(example.indexOf("unclassified:")).strip());
  }

  @Test
  void secretFiles_arePrivate_andGoneWhenClosed() throws Exception {
    Path file;
    try (SecretFiles secrets = new SecretFiles()) {
      file = Path.of(secrets.reference("s3cret").substring("file:".length()));
      assertThat(Files.readString(file)).isEqualTo("s3cret");
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void wrongValues_areRefused_namingThePoolAndTheField() {
    NodePoolSettings pool = new NodePoolSettings("workers", "production", new CommandProvider("x"));
    pool.setMaxNodes(3);
    pool.setMemory("16Gi");

    assertThat(pool.problem())
        .contains("node pool workers: cpu: give the node's allocatable cpu, e.g. 4");
    pool.setCpu("four");
    assertThat(pool.problem().orElseThrow())
        .isEqualTo(
            "node pool workers: cpu: 'four' is not a Kubernetes quantity; write e.g. 4 or 3500m");
    pool.setCpu("4");
    pool.setLabels("tier");
    assertThat(pool.problem().orElseThrow()).contains("labels: 'tier' is not key=value");
    pool.setLabels(null);
    pool.setTaints("dedicated=ci");
    assertThat(pool.problem().orElseThrow())
        .contains("taints: 'dedicated=ci' is not key=value:Effect");
    pool.setTaints(null);
    pool.setScaleDownDelay("10 minutes");
    assertThat(pool.problem().orElseThrow()).contains("scaleDownDelay: '10 minutes'");
    pool.setScaleDownDelay(null);
    pool.setMinNodes(5);
    assertThat(pool.problem().orElseThrow()).contains("need 0 <= min <= max");
    pool.setMinNodes(0);
    assertThat(pool.problem()).isEmpty();
    assertThat(new NodePoolSettings("workers", "production", null).problem().orElseThrow())
        .contains("provider: choose the IaaS");
  }

  @Test
  void credentialsOfTheWrongKind_areRefused_namingTheField() {
    Ec2Provider ec2 = new Ec2Provider("us-east-1");
    ec2.setCredentialsId("kubeadm-join-token");
    NodePoolSettings pool = new NodePoolSettings("workers", "production", ec2);
    pool.setCpu("4");
    pool.setMemory("16Gi");

    try (SecretFiles secrets = new SecretFiles()) {
      assertThatThrownBy(() -> pool.toNodePool(credentials, secrets))
          .hasMessage(
              "node pool workers: credentialsId: the credentials 'kubeadm-join-token' are not a"
                  + " username with password (the access key id and its secret); choose"
                  + " credentials that are");
    }
  }

  @Test
  void theKey_changesWithWhatARestartDependsOn_andNamesNoSecret() {
    NodePoolSettings pool =
        new NodePoolSettings("workers", "production", new Ec2Provider("us-east-1"));
    String before = pool.key();
    pool.setMaxNodes(4);
    assertThat(pool.key()).isNotEqualTo(before);
    NodePoolSettings elsewhere =
        new NodePoolSettings("workers", "production", new Ec2Provider("eu-west-1"));
    elsewhere.setMaxNodes(4);
    assertThat(elsewhere.key()).isNotEqualTo(pool.key());
    Ec2Provider withLogin = new Ec2Provider("eu-west-1");
    withLogin.setCredentialsId("aws-autoscaler");
    assertThat(new NodePoolSettings("workers", "production", withLogin).key())
        .contains("aws-autoscaler")
        .doesNotContain("aws-secret-value");
  }
}
