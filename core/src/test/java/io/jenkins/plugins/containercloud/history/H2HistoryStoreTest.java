package io.jenkins.plugins.containercloud.history;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link HistoryStore} on an embedded H2 file, the default database. */
class H2HistoryStoreTest extends HistoryStoreContract {

  @TempDir Path dir;

  @Override
  HistoryDatabase database() {
    return HistoryDatabase.h2File(dir.resolve("data/history"));
  }

  @Override
  List<String> processArguments() {
    return List.of("h2", dir.resolve("data/history").toString());
  }
}
