package io.jenkins.plugins.containercloud.standalone;

import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the history is kept: {@code --db JDBC_URL} or {@code CONTAINER_CLOUD_DB} (credentials in
 * {@code CONTAINER_CLOUD_DB_USER} / {@code CONTAINER_CLOUD_DB_PASSWORD}), else an H2 file under
 * {@code ${XDG_DATA_HOME:-$HOME/.local/share}/container-cloud/}.
 */
final class HistoryOptions {

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "History database (default: $CONTAINER_CLOUD_DB, else an H2 file under"
              + " ${XDG_DATA_HOME:-~/.local/share}/container-cloud/).")
  String url;

  Deployments open(Map<String, String> environment) {
    return Deployments.open(database(environment));
  }

  HistoryDatabase database(Map<String, String> environment) {
    String jdbc = url != null ? url : environment.get("CONTAINER_CLOUD_DB");
    if (jdbc != null && !jdbc.isBlank()) {
      return HistoryDatabase.jdbc(
          jdbc,
          environment.get("CONTAINER_CLOUD_DB_USER"),
          environment.get("CONTAINER_CLOUD_DB_PASSWORD"));
    }
    return HistoryDatabase.h2File(DataDirectory.of(environment).resolve("history"));
  }
}
