package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.plugin.ClusterSettings;
import io.jenkins.plugins.containercloud.plugin.HistoryDatabaseSettings;
import io.jenkins.plugins.containercloud.plugin.TestConfigurations;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link DashboardHost}: when the configuration calls for a new dashboard. */
class DashboardHostTest {

  @TempDir Path dir;

  private static ClusterSettings cluster(String name, String namespace) {
    ClusterSettings settings = new ClusterSettings(name, "kubeconfig-" + name);
    settings.setNamespace(namespace);
    return settings;
  }

  private String key(List<ClusterSettings> clusters, HistoryDatabaseSettings history) {
    try (TestConfigurations.Counting configuration =
        TestConfigurations.with(clusters, List.of(), dir)) {
      configuration.setHistoryDatabase(history);
      return DashboardHost.key(configuration);
    }
  }

  @Test
  void theSameConfiguration_keepsTheDashboard() {
    assertThat(key(List.of(cluster("prod", "shop")), null))
        .isEqualTo(key(List.of(cluster("prod", "shop")), null));
  }

  @Test
  void aChangedCluster_orHistory_makesANewOne() {
    String before = key(List.of(cluster("prod", "shop")), null);

    assertThat(key(List.of(cluster("prod", "ledger")), null)).isNotEqualTo(before);
    assertThat(key(List.of(cluster("prod", "shop"), cluster("staging", "shop")), null))
        .isNotEqualTo(before);
    assertThat(
            key(
                List.of(cluster("prod", "shop")),
                new HistoryDatabaseSettings("jdbc:postgresql://db:5432/cc")))
        .isNotEqualTo(before);
  }
}
