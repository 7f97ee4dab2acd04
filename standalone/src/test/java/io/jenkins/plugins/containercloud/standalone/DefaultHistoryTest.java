package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.containercloud.testing.SandboxCluster;
import io.jenkins.plugins.containercloud.testing.Workloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for the default embedded history as command-line processes use it: several at once on one
 * machine, as a CI agent running several jobs does, and a history that cannot be opened.
 */
class DefaultHistoryTest {

  private static final int DEPLOYS = 8;
  private static final int READERS = 3;

  @RegisterExtension static final SandboxCluster CLUSTER = new SandboxCluster();

  @TempDir Path dataHome;
  @TempDir Path logs;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eightDeploysAtOnce_withHistoryReadersBeside_allSucceed_andEachIsRecorded() throws Exception {
    Workloads workloads = new Workloads(CLUSTER);
    IntStream.range(0, DEPLOYS).forEach(i -> workloads.replicationController("par-" + i, 1, "v1"));

    List<CliProcess> deploys = new ArrayList<>();
    for (int i = 0; i < DEPLOYS; i++) {
      deploys.add(
          CliProcess.start(
              dataHome,
              logs.resolve("deploy-" + i + ".log"),
              List.of(
                  "deploy",
                  "--rc",
                  "par-" + i,
                  "--image",
                  Workloads.IMAGE + ":v2-" + i,
                  "--timeout",
                  "2m",
                  "--kubeconfig",
                  CLUSTER.kubeconfig().toString(),
                  "-n",
                  CLUSTER.namespace())));
    }
    List<CliProcess> readers = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      readers.add(
          CliProcess.start(
              dataHome, logs.resolve("history-" + i + ".log"), List.of("history", "--limit", "5")));
    }

    for (CliProcess process : deploys) {
      assertThat(process.exitCode(4)).as(process.output()).isZero();
    }
    for (CliProcess process : readers) {
      assertThat(process.exitCode(4)).as(process.output()).isZero();
    }
    JsonNode records = JSON.readTree(history("--namespace", CLUSTER.namespace(), "-o", "json"));
    assertThat(records).hasSize(DEPLOYS);
    for (int i = 0; i < DEPLOYS; i++) {
      String name = "par-" + i;
      JsonNode record = find(records, name);
      assertThat(record.path("outcome").asText()).as(name).isEqualTo("SUCCEEDED");
      assertThat(record.path("imageAfter").asText()).isEqualTo(Workloads.IMAGE + ":v2-" + i);
      assertThat(record.path("imageBefore").asText()).isEqualTo(Workloads.IMAGE + ":v1");
      assertThat(record.path("imageRequested").asText()).isEqualTo(Workloads.IMAGE + ":v2-" + i);
      assertThat(history("--events", record.path("id").asText()))
          .as(name)
          .contains("Created controller " + name + "-")
          .contains("finished");
    }
  }

  @Test
  void aCorruptHistoryFile_exitsTwo_sayingSo() throws Exception {
    Path file =
        Files.createDirectories(dataHome.resolve("container-cloud")).resolve("history.mv.db");
    // An H2 header in front of nothing: what a copy cut short leaves.
    Files.writeString(file, "H:2,block:2,blockSize:1000,chunk:1,created:18c" + "\0".repeat(9000));

    InProcessCli.Result run = run("history");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: cannot open the history database H2 file " + file)
        .contains("the file is corrupt or not an H2 database")
        .contains("move it away to start a new history");
  }

  @Test
  void aHistoryFolderThatCannotBeMade_exitsTwo_sayingSo() throws Exception {
    Files.writeString(dataHome.resolve("container-cloud"), "a file where the folder goes");

    InProcessCli.Result run = run("history");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("cannot open the history database H2 file")
        .contains("cannot be created, read or written")
        .contains("this user may write in it");
  }

  private static JsonNode find(JsonNode records, String name) {
    for (JsonNode record : records) {
      if (record.path("name").asText().equals(name)) {
        return record;
      }
    }
    throw new AssertionError("no record of " + name + " in " + records);
  }

  private String history(String... args) {
    List<String> command = new ArrayList<>(List.of("history"));
    command.addAll(List.of(args));
    InProcessCli.Result run = run(command.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return run.out();
  }

  private InProcessCli.Result run(String... args) {
    return InProcessCli.run(dataHome, List.of(args));
  }
}
