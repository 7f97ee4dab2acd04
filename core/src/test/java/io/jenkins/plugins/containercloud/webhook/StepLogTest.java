package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.history.WebhookHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link StepLog}: what a step's stored output keeps, masks and cuts. */
class StepLogTest {

  @Test
  void masksSecrets_andUserInformationInUrls() {
    StepLog log = new StepLog(List.of("s3cret", "s3cret-and-more"));
    log.progress("login with s3cret-and-more then s3cret");
    log.progress("fetching https://bot:tok-1@git.example/x.git");
    assertThat(log.text())
        .isEqualTo("login with ******** then ********\nfetching https://git.example/x.git");
  }

  @Test
  void printsNothing_isNull() {
    assertThat(new StepLog(List.of()).text()).isNull();
  }

  @Test
  void keepsTheNewestLines_withinTheColumnsSize_sayingHowManyWereCut() {
    StepLog log = new StepLog(List.of());
    String line = "x".repeat(999);
    for (int i = 0; i < 200; i++) {
      log.progress(i + " " + line);
    }
    String text = log.text();
    assertThat(text.length()).isLessThanOrEqualTo(WebhookHistory.MAX_LOG);
    assertThat(text).startsWith("[").contains(" earlier lines cut]\n").endsWith("199 " + line);
    int kept = (int) text.lines().count() - 1;
    assertThat(text.lines().findFirst().orElseThrow())
        .isEqualTo("[" + (200 - kept) + " earlier lines cut]");
  }

  @Test
  void cutsAVeryLongLine() {
    StepLog log = new StepLog(List.of());
    log.progress("y".repeat(10_000));
    assertThat(log.text()).hasSize(2_001).endsWith("…");
  }
}
