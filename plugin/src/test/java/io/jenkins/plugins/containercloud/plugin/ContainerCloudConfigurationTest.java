package io.jenkins.plugins.containercloud.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.history.HistoryQuery;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link ContainerCloudConfiguration}. */
class ContainerCloudConfigurationTest {

  @TempDir Path dir;

  @Test
  void settersSave_andGettersNeverAnswerNull() {
    try (TestConfigurations.Counting configuration =
        TestConfigurations.with(List.of(), List.of(), dir)) {
      int before = configuration.saves();
      configuration.setClusters(null);
      configuration.setHistoryDatabase(new HistoryDatabaseSettings("jdbc:postgresql://db/cc"));

      assertThat(configuration.getClusters()).isEmpty();
      assertThat(configuration.getHistoryDatabase().getJdbcUrl())
          .isEqualTo("jdbc:postgresql://db/cc");
      assertThat(configuration.saves()).isEqualTo(before + 2);
      assertThat(configuration.getDisplayName()).isEqualTo("Container Cloud");
    }
  }

  @Test
  void clustersAndRegistries_areFoundByName() {
    try (TestConfigurations.Counting configuration =
        TestConfigurations.with(
            List.of(new ClusterSettings("prod", "kube"), new ClusterSettings("staging", "kube")),
            List.of(new RegistrySettings("Registry.Example.com")),
            dir)) {
      assertThat(configuration.requireCluster("cluster", "staging").getName()).isEqualTo("staging");
      assertThat(configuration.registry("registry.example.com")).isPresent();
      assertThat(configuration.registry("docker.io")).isEmpty();
      assertThatThrownBy(() -> configuration.requireCluster("cluster", "qa"))
          .hasMessage(
              "cluster: no cluster named 'qa' is configured (configured: prod, staging); add it in"
                  + " Manage Jenkins » System » Container Cloud");
    }
  }

  @Test
  void history_isEmbeddedByDefault_openedOnce_andShared() {
    try (TestConfigurations.Counting configuration =
        TestConfigurations.with(List.of(), List.of(), dir)) {
      try (HistoryLease first = configuration.openHistory(TestCredentials.resolver());
          HistoryLease second = configuration.openHistory(TestCredentials.resolver())) {
        assertThat(second.deployments()).isSameAs(first.deployments());
        assertThat(first.deployments().history(HistoryQuery.all())).isEmpty();
        assertThat(dir.resolve("history.mv.db")).exists();
      }
    }
  }

  @Test
  void externalHistory_takesItsUserAndPasswordFromCredentials() {
    HistoryDatabaseSettings settings = new HistoryDatabaseSettings("jdbc:postgresql://db:5432/cc");
    settings.setCredentialsId("db");

    var database =
        settings.database(
            TestCredentials.resolver(TestCredentials.usernamePassword("db", "cc", "s3cret")));

    assertThat(database.user()).isEqualTo("cc");
    assertThat(database.toString()).doesNotContain("s3cret");
    assertThatThrownBy(() -> settings.database(TestCredentials.resolver()))
        .hasMessageStartingWith("history database credentialsId: no credentials with id 'db'");
  }

  @Test
  void defaultHistoryFile_isUnderTheJenkinsHome() {
    assertThat(ContainerCloudConfiguration.historyFileUnder(Path.of("/var/lib/jenkins")))
        .isEqualTo(Path.of("/var/lib/jenkins/container-cloud/history"));
  }
}
