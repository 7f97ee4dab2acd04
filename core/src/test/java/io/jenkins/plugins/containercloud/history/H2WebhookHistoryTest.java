package io.jenkins.plugins.containercloud.history;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link WebhookHistory} on an embedded H2 file. */
class H2WebhookHistoryTest extends WebhookHistoryContract {

  @TempDir Path dir;

  @Override
  HistoryDatabase database() {
    return HistoryDatabase.h2File(dir.resolve("history"));
  }
}
