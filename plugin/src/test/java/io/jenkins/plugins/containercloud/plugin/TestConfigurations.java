package io.jenkins.plugins.containercloud.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Global configurations for tests: nothing loaded, saves counted rather than written (there is no
 * Jenkins to save to), and the history in a folder of the test's choosing.
 */
public final class TestConfigurations {

  private TestConfigurations() {}

  /** A configuration with these clusters and registries, its history an H2 file in {@code dir}. */
  public static Counting with(
      List<ClusterSettings> clusters, List<RegistrySettings> registries, Path historyDir) {
    Counting configuration = new Counting(historyDir);
    configuration.setClusters(clusters);
    configuration.setRegistries(registries);
    return configuration;
  }

  /** A configuration that counts its saves. */
  public static final class Counting extends ContainerCloudConfiguration implements AutoCloseable {
    private final transient Path historyDir;
    private final transient AtomicInteger saves = new AtomicInteger();

    Counting(Path historyDir) {
      super(false);
      this.historyDir = historyDir;
    }

    @Override
    public void save() {
      saves.incrementAndGet();
    }

    /** Closes the history this configuration opened. */
    @Override
    public void close() {
      closeHistory();
    }

    public int saves() {
      return saves.get();
    }

    @Override
    Path embeddedHistoryFile() {
      return historyDir.resolve("history");
    }
  }
}
