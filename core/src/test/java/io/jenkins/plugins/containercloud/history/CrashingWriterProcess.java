package io.jenkins.plugins.containercloud.history;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A separate process for crash tests: writes deployments with their events, one transaction per
 * deployment, saying "begin ID" before and "committed ID" after each, until it is killed. It can
 * stop inside one transaction, after every row is written and before the commit, saying "inside
 * ID": the test kills it there.
 *
 * <p>Arguments: {@code BATCHES (0: forever) EVENTS_PER_BATCH HANG_IN_BATCH (0: never)} then {@code
 * h2 FILE} or {@code jdbc URL USER} with the password in {@code HISTORY_PASSWORD}.
 */
final class CrashingWriterProcess {

  private CrashingWriterProcess() {}

  public static void main(String[] args) throws Exception {
    int batches = Integer.parseInt(args[0]);
    int eventsPerBatch = Integer.parseInt(args[1]);
    int hangInBatch = Integer.parseInt(args[2]);
    HistoryDatabase database =
        switch (args[3]) {
          case "h2" -> HistoryDatabase.h2File(Path.of(args[4]));
          case "jdbc" -> HistoryDatabase.jdbc(args[4], args[5], System.getenv("HISTORY_PASSWORD"));
          default -> throw new IllegalArgumentException("h2 or jdbc, not " + args[3]);
        };
    HistoryStore store = HistoryStore.open(database);
    say("open");
    for (int batch = 1; batches == 0 || batch <= batches; batch++) {
      DeploymentRecord record =
          Deployments.ended(Deployments.running("batch-" + batch, batch), Outcome.SUCCEEDED);
      List<DeploymentEvent> events = Deployments.events(record, eventsPerBatch);
      boolean hang = batch == hangInBatch;
      say("begin " + record.id());
      store.save(
          record,
          events,
          () -> {
            say("inside " + record.id());
            if (hang) {
              say("hanging " + record.id());
              waitToBeKilled();
            }
          });
      say("committed " + record.id());
    }
    store.close();
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static void waitToBeKilled() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted instead of killed", e);
    }
  }
}
