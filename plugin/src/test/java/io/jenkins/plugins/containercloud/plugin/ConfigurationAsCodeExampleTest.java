package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the documentation: binds {@code docs/examples/jenkins-casc.yaml} (also shown in
 * docs/jenkins.md) to {@link ContainerCloudConfiguration} as configuration-as-code would.
 */
class ConfigurationAsCodeExampleTest {

  @TempDir Path dir;

  @Test
  void theDocumentedYaml_bindsToTheGlobalConfiguration() throws Exception {
    Map<String, Object> yaml = read("docs/examples/jenkins-casc.yaml");
    @SuppressWarnings("unchecked")
    Map<String, Object> unclassified = (Map<String, Object>) yaml.get("unclassified");
    @SuppressWarnings("unchecked")
    Map<String, Object> containerCloud = (Map<String, Object>) unclassified.get("containerCloud");
    assertThat(ContainerCloudConfiguration.class.getAnnotation(org.jenkinsci.Symbol.class).value())
        .containsExactly("containerCloud");

    try (TestConfigurations.Counting configuration =
        TestConfigurations.with(List.of(), List.of(), dir)) {
      DataBinding.apply(configuration, containerCloud);

      assertThat(configuration.getClusters())
          .extracting(
              ClusterSettings::getName,
              ClusterSettings::getCredentialsId,
              ClusterSettings::getNamespace)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("staging", "staging-kubeconfig", "hello"),
              org.assertj.core.groups.Tuple.tuple("production", "production-token", "apps"));
      ClusterSettings production = configuration.requireCluster("cluster", "production");
      assertThat(production.getServerUrl()).isEqualTo("https://10.0.0.1:6443");
      assertThat(production.problem()).isEmpty();
      assertThat(configuration.registry("registry.example.com").orElseThrow().getCredentialsId())
          .isEqualTo("registry-login");
      assertThat(configuration.registry("10.0.0.5:5000").orElseThrow().isInsecure()).isTrue();
      assertThat(configuration.getHistoryDatabase().getJdbcUrl())
          .isEqualTo("jdbc:postgresql://db.example.com:5432/containercloud");
      assertThat(configuration.getHistoryDatabase().getCredentialsId()).isEqualTo("history-db");
    }
  }

  @Test
  void theGuide_showsTheSameYaml() throws Exception {
    String example = Files.readString(ProjectFiles.find("docs/examples/jenkins-casc.yaml"));
    String guide = Files.readString(ProjectFiles.find("docs/jenkins.md"));
    String unclassified = example.substring(example.indexOf("unclassified:"));

    assertThat(guide).contains(unclassified.strip());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(String file) throws Exception {
    return new ObjectMapper(new YAMLFactory())
        .readValue(ProjectFiles.find(file).toFile(), Map.class);
  }
}
