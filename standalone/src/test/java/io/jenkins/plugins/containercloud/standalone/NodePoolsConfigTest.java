package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.scale.NodePool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link NodePoolsConfig}. */
class NodePoolsConfigTest {

  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("server.yaml"), yaml);
  }

  @Test
  void aFullPool_isRead_withSecretsKeptAsReferences() throws Exception {
    Path file =
        write(
            """
            nodePools:
              - name: burst
                provider:
                  type: ec2
                  region: eu-west-1
                  accessKeyId: {env: AWS_ACCESS_KEY_ID}
                  secretAccessKey: {file: /etc/container-cloud/aws-secret}
                template:
                  cpu: "4"
                  memory: 16Gi
                  labels: {tier: burst}
                  taints: [{key: burst, value: "yes", effect: NoSchedule}]
                  instanceType: m5.xlarge
                  image: ami-0123456789abcdef0
                min: 1
                max: 10
                maxNodesPerScaleUp: 4
                scaleDownDelay: 5m
                utilisationThreshold: 0.4
                maxProvisionTime: 10m
                bootstrap:
                  userData: "#!/bin/bash\\n${joinCommand}\\n"
                  joinCommand: kubeadm join api:6443 --token ${token}
                  joinToken: {env: KUBEADM_TOKEN}
            """);

    List<NodePool> pools = NodePoolsConfig.read(file, "prod");

    assertThat(pools)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.cluster()).isEqualTo("prod");
              assertThat(p.template().allocatable().cpuMillis()).isEqualTo(4000);
              assertThat(p.template().allocatable().memoryBytes()).isEqualTo(16L << 30);
              assertThat(p.template().taints())
                  .singleElement()
                  .satisfies(t -> assertThat(t.effect()).isEqualTo("NoSchedule"));
              assertThat(p.provider().settings())
                  .containsEntry("region", "eu-west-1")
                  .containsEntry("accessKeyIdRef", "env:AWS_ACCESS_KEY_ID")
                  .containsEntry("secretAccessKeyRef", "file:/etc/container-cloud/aws-secret");
              assertThat(p.bootstrap().joinToken().reference()).isEqualTo("env:KUBEADM_TOKEN");
              assertThat(p.scaleDownDelay()).isEqualTo(Duration.ofMinutes(5));
              assertThat(p.maxPerScaleUp()).isEqualTo(4);
            });
  }

  @Test
  void mistakes_nameTheKeyAndTheFix() throws Exception {
    assertThatThrownBy(
            () ->
                NodePoolsConfig.read(
                    write(
                        "nodePools: [{name: a, cluster: c, provider: {type: ec2}, template: {cpu: '1', memory: 1Gi}, max: 0, bootstrap: {userData: x}}]"),
                    null))
        .hasMessageContaining("nodePools[0]: pool a: need 0 <= min <= max and max >= 1");
    assertThatThrownBy(
            () ->
                NodePoolsConfig.read(
                    write("nodePools: [{name: a, cluster: c, colour: red}]"), null))
        .hasMessageContaining("nodePools[0].colour: is not a known key");
    assertThatThrownBy(
            () ->
                NodePoolsConfig.read(
                    write(
                        "nodePools: [{name: a, cluster: c, provider: {type: ec2}, template: {cpu: '1', memory: 1Gi}, max: 1, bootstrap: {userData: x, joinToken: abc}}]"),
                    null))
        .hasMessageContaining(
            "nodePools[0].bootstrap.joinToken: give exactly one of {env: VARIABLE} or {file: PATH}");
  }

  @Test
  void aQingCloudPool_isRead_andItsSettingsAreCheckedNamingTheSetting() throws Exception {
    String pool =
        """
        nodePools:
          - name: burst
            cluster: c
            provider:
              type: qingcloud
              %s
              accessKeyId: QYACCESSKEYIDEXAMPLE
              secretAccessKey: %s
              loginKeypair: kp-12345678
            template: {cpu: '4', memory: 16Gi, instanceType: c4m16, image: img-0}
            max: 3
            bootstrap: {userData: x}
        """;

    List<NodePool> pools =
        NodePoolsConfig.read(write(pool.formatted("zone: pek3a", "{env: QY_SECRET}")), null);

    assertThat(pools.get(0).provider().settings())
        .containsEntry("zone", "pek3a")
        .containsEntry("secretAccessKeyRef", "env:QY_SECRET");
    assertThatThrownBy(
            () ->
                NodePoolsConfig.read(
                    write(pool.formatted("region: pek3a", "{env: QY_SECRET}")), null))
        .hasMessageContaining(
            "nodePools[0].provider: provider qingcloud: the setting zone is required");
    assertThatThrownBy(
            () -> NodePoolsConfig.read(write(pool.formatted("zone: pek3a", "plain-secret")), null))
        .hasMessageContaining("the setting secretAccessKey must be a reference")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("plain-secret"));
  }

  @Test
  void anOpenStackPool_isRead_withThePasswordAsReference_andItsMistakesNameTheSetting()
      throws Exception {
    String pool =
        """
        nodePools:
          - name: burst
            cluster: c
            provider:
              type: openstack
              authUrl: https://keystone.example.com:5000/v3
              username: autoscaler
              password: {file: /etc/container-cloud/os-password}
              %s
            template: {cpu: "4", memory: 8Gi, instanceType: m1.large, image: ubuntu-24.04}
            max: 3
            bootstrap: {userData: x}
        """;

    List<NodePool> pools = NodePoolsConfig.read(write(pool.formatted("projectName: ci")), null);

    assertThat(pools.get(0).provider().type()).isEqualTo("openstack");
    assertThat(pools.get(0).provider().settings())
        .containsEntry("passwordRef", "file:/etc/container-cloud/os-password")
        .containsEntry("projectName", "ci");
    assertThatThrownBy(() -> NodePoolsConfig.read(write(pool.formatted("region: r1")), null))
        .hasMessageContaining("nodePools[0].provider")
        .hasMessageContaining("projectName (or projectId) is required");
    assertThatThrownBy(
            () ->
                NodePoolsConfig.read(
                    write(pool.formatted("projectName: ci").replace("https://", "ftp://")), null))
        .hasMessageContaining("authUrl must be an http(s) URL");
  }

  @Test
  void aRelativeSecretFile_isBesideTheConfiguration_notTheWorkingDirectory() throws Exception {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/join-token"), "abcdef.0123456789abcdef\n");
    Path file =
        write(
            """
            nodePools:
              - name: burst
                cluster: c
                provider: {type: command, command: ./my-cloud}
                template: {cpu: '4', memory: 8Gi}
                max: 3
                bootstrap: {userData: x, joinToken: {file: secrets/join-token}}
            """);

    NodePool pool = NodePoolsConfig.read(file, null).get(0);

    assertThat(pool.bootstrap().joinToken().resolve()).isEqualTo("abcdef.0123456789abcdef");
  }
}
