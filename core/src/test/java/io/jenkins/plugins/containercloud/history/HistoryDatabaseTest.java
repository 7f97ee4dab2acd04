package io.jenkins.plugins.containercloud.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tests for {@link HistoryDatabase}: the URLs it builds and the secrets it keeps out of them. */
class HistoryDatabaseTest {

  @Test
  void h2File_namesTheFileWithH2sSuffix_andOpensItWithTheStoresSettings() {
    HistoryDatabase database = HistoryDatabase.h2File(Path.of("/var/lib/cc/history.mv.db"));

    assertThat(database.url())
        .isEqualTo("jdbc:h2:file:/var/lib/cc/history" + HistoryDatabase.H2_SETTINGS);
    assertThat(database.toString()).isEqualTo("H2 file /var/lib/cc/history.mv.db");
    assertThat(database.isEmbedded()).isTrue();
  }

  @Test
  void h2File_resolvesARelativePath() {
    HistoryDatabase database = HistoryDatabase.h2File(Path.of("data/history"));

    assertThat(database.url())
        .startsWith("jdbc:h2:file:" + Path.of("data/history").toAbsolutePath());
  }

  @Test
  void jdbc_neverShowsThePassword() {
    HistoryDatabase database =
        HistoryDatabase.jdbc("jdbc:postgresql://db:5432/cc?ssl=true", "cc", "s3cret-pw");

    assertThat(database.toString()).isEqualTo("jdbc:postgresql://db:5432/cc?ssl=true as cc");
    assertThat(database.redactSecrets("login as cc with s3cret-pw failed"))
        .isEqualTo("login as cc with **** failed");
    assertThat(database.isEmbedded()).isFalse();
  }

  @Test
  void redact_masksPasswordParametersAndUserInfo_only() {
    assertThat(
            HistoryDatabase.redact(
                "jdbc:postgresql://db/cc?user=cc&password=p1&sslpassword=p2&sslmode=require"))
        .isEqualTo(
            "jdbc:postgresql://db/cc?user=cc&password=****&sslpassword=****&sslmode=require");
    assertThat(HistoryDatabase.redact("jdbc:h2:tcp://h/db;USER=sa;PASSWORD=p3;IFEXISTS=TRUE"))
        .isEqualTo("jdbc:h2:tcp://h/db;USER=sa;PASSWORD=****;IFEXISTS=TRUE");
    assertThat(HistoryDatabase.redact("jdbc:postgresql://cc:p4@db/cc"))
        .isEqualTo("jdbc:postgresql://****@db/cc");
  }
}
