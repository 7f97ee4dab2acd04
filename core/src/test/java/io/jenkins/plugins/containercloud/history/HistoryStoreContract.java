package io.jenkins.plugins.containercloud.history;

import static io.jenkins.plugins.containercloud.history.Deployments.DIGEST;
import static io.jenkins.plugins.containercloud.history.Deployments.ended;
import static io.jenkins.plugins.containercloud.history.Deployments.events;
import static io.jenkins.plugins.containercloud.history.Deployments.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every history database must do, run against each of them by a subclass ({@link
 * H2HistoryStoreTest}, {@link PostgresHistoryStoreTest}). Each test gets an empty database.
 */
abstract class HistoryStoreContract {

  HistoryStore store;

  @TempDir Path processLogs;

  /** The same empty database every time it is called within one test. */
  abstract HistoryDatabase database() throws Exception;

  /**
   * How {@link CrashingWriterProcess} finds {@link #database()}: its arguments after the counts.
   */
  abstract List<String> processArguments() throws Exception;

  /** The environment {@link CrashingWriterProcess} needs (the password, if any). */
  Map<String, String> processEnvironment() {
    return Map.of();
  }

  @BeforeEach
  void openStore() throws Exception {
    store = HistoryStore.open(database());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void startedThenFinished_roundTripsEveryField() {
    DeploymentRecord record =
        running("web", 0)
            .imageAfter("registry.example:5000/shop/web:1.1@" + DIGEST)
            .imageRequested("registry.example:5000/shop/web:1.1")
            .trigger(Trigger.webhook("d3b07384-delivery"))
            .build();

    store.started(record);
    assertThat(store.find(record.id())).contains(record);

    Instant end = record.startedAt().plusSeconds(90);
    store.finished(record.id(), Outcome.ROLLED_BACK, end, "pods not ready in 5m", null);

    DeploymentRecord stored = store.find(record.id()).orElseThrow();
    assertThat(stored)
        .isEqualTo(record.finish(Outcome.ROLLED_BACK, end, "pods not ready in 5m", null));
    assertThat(stored.strategyParameters())
        .containsExactly(
            Map.entry("maxSurge", "25%"),
            Map.entry("maxUnavailable", "0"),
            Map.entry("timeout", "5m"));
    assertThat(stored.imageBefore()).endsWith("@" + DIGEST);
    assertThat(stored.imageRequested()).isEqualTo("registry.example:5000/shop/web:1.1");
  }

  @Test
  void optionalFields_roundTripAsAbsent() {
    DeploymentRecord record =
        running("manifests", 0)
            .kind("Manifests")
            .container(null)
            .imageBefore(null)
            .imageAfter(null)
            .strategy("apply")
            .strategyParameters(Map.of())
            .trigger(Trigger.cli("alice"))
            .build();

    store.started(record);

    assertThat(store.find(record.id())).contains(record);
  }

  @Test
  void finished_withAnImage_replacesTheImageAfter_andWithoutOne_keepsIt() {
    DeploymentRecord pinned = running("web", 0).build();
    DeploymentRecord unpinned = running("api", 1).build();
    store.started(pinned);
    store.started(unpinned);

    String digestReference = "registry.example:5000/shop/web@" + DIGEST;
    store.finished(
        pinned.id(), Outcome.SUCCEEDED, pinned.startedAt().plusSeconds(5), null, digestReference);
    store.finished(
        unpinned.id(), Outcome.SUCCEEDED, unpinned.startedAt().plusSeconds(5), null, null);

    assertThat(store.find(pinned.id()).orElseThrow().imageAfter()).isEqualTo(digestReference);
    assertThat(store.find(unpinned.id()).orElseThrow().imageAfter())
        .isEqualTo(unpinned.imageAfter());
  }

  @Test
  void finished_ofAnUnknownDeployment_failsForGood() {
    String id = DeploymentRecord.newId();

    assertThatThrownBy(() -> store.finished(id, Outcome.FAILED, Instant.now(), "x", null))
        .isInstanceOfSatisfying(HistoryException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageContaining(id);
  }

  @Test
  void started_twiceWithTheSameId_keepsTheFirstRecord() {
    DeploymentRecord first = running("web", 0).build();
    store.started(first);

    store.started(first.toBuilder().name("other").build());

    assertThat(store.find(first.id())).contains(first);
    assertThat(store.recent(10)).hasSize(1);
  }

  @Test
  void events_comeBackInSequence_andARepeatedSequenceChangesNothing() {
    DeploymentRecord record = running("web", 0).build();
    store.started(record);
    List<DeploymentEvent> events = events(record, 3);

    store.event(events.get(2));
    store.event(events.get(0));
    store.event(events.get(1));
    store.event(new DeploymentEvent(record.id(), 2, Instant.now(), "other", "a retry's twin"));

    assertThat(store.events(record.id())).containsExactlyElementsOf(events);
  }

  @Test
  void event_ofAnUnknownDeployment_failsForGood() {
    DeploymentEvent orphan =
        new DeploymentEvent(DeploymentRecord.newId(), 1, Instant.now(), "progress", "lost");

    assertThatThrownBy(() -> store.event(orphan))
        .isInstanceOfSatisfying(HistoryException.class, e -> assertThat(e.isTransient()).isFalse());
    assertThat(store.events(orphan.deploymentId())).isEmpty();
  }

  @Test
  void longReasonsAndMessages_areCutToFit_ratherThanFailingTheWrite() {
    String essay = "x".repeat(10_000);
    DeploymentRecord record = running("web", 0).build();
    store.started(record);
    store.event(new DeploymentEvent(record.id(), 1, Instant.now(), "log", essay));
    store.finished(record.id(), Outcome.FAILED, Instant.now(), essay, null);

    assertThat(store.find(record.id()).orElseThrow().reason()).hasSize(4000).endsWith("…");
    assertThat(store.events(record.id()).get(0).message()).hasSize(4000).endsWith("…");
  }

  @Test
  void save_writesTheRecordWithItsEvents_andLaterUpdatesItsOutcome() {
    DeploymentRecord.Builder web = running("web", 0);
    DeploymentRecord started = web.build();
    List<DeploymentEvent> events = events(started, 5);

    store.save(started, events.subList(0, 3));
    DeploymentRecord failed =
        started.finish(Outcome.FAILED, started.startedAt().plusSeconds(30), "crash loop", null);
    store.save(failed, events);

    assertThat(store.find(started.id())).contains(failed);
    assertThat(store.events(started.id())).containsExactlyElementsOf(events);
  }

  @Test
  void recent_listsNewestFirst_upToTheLimit() {
    List<DeploymentRecord> records = new ArrayList<>();
    for (int minute = 0; minute < 5; minute++) {
      DeploymentRecord record = running("app-" + minute, minute).build();
      records.add(record);
      store.started(record);
    }

    assertThat(store.recent(3)).containsExactly(records.get(4), records.get(3), records.get(2));
    assertThat(store.recent(100)).hasSize(5);
  }

  @Test
  void byWorkload_returnsOnlyThatWorkloadsDeployments() {
    DeploymentRecord first = ended(running("web", 0), Outcome.SUCCEEDED);
    DeploymentRecord second = ended(running("web", 5), Outcome.FAILED);
    store.save(first, List.of());
    store.save(second, List.of());
    store.started(running("web", 6).cluster("staging").build());
    store.started(running("web", 7).namespace("other").build());
    store.started(running("web", 8).kind("ReplicationController").build());
    store.started(running("api", 9).build());

    assertThat(store.byWorkload("prod", "shop", "Deployment", "web", 10))
        .containsExactly(second, first);
    assertThat(store.byWorkload("prod", "shop", "Deployment", "web", 1)).containsExactly(second);
  }

  @Test
  void byOutcome_returnsOnlyDeploymentsThatEndedSo() {
    DeploymentRecord failed = ended(running("web", 0), Outcome.FAILED);
    DeploymentRecord rolledBack = ended(running("api", 1), Outcome.ROLLED_BACK);
    DeploymentRecord alsoFailed = ended(running("db", 2), Outcome.FAILED);
    for (DeploymentRecord r : List.of(failed, rolledBack, alsoFailed)) {
      store.save(r, List.of());
    }
    store.started(running("cache", 3).build());

    assertThat(store.byOutcome(Outcome.FAILED, 10)).containsExactly(alsoFailed, failed);
    assertThat(store.byOutcome(Outcome.RUNNING, 10))
        .extracting(DeploymentRecord::name)
        .containsExactly("cache");
  }

  @Test
  void deployments_filterByNamespaceAlone_acrossWorkloadsAndKinds() {
    DeploymentRecord web = running("web", 0).build();
    DeploymentRecord rc =
        running("legacy", 1).kind("ReplicationController").strategy("rolling-update").build();
    store.started(web);
    store.started(rc);
    store.started(running("web", 2).namespace("billing").build());

    assertThat(store.deployments(HistoryQuery.all().withNamespace("shop")))
        .containsExactly(rc, web);
    assertThat(store.deployments(HistoryQuery.all().withNamespace("shop").withKind("Deployment")))
        .containsExactly(web);
  }

  @Test
  void previousSuccessful_isTheLastSuccessBeforeTheGivenDeployment() {
    DeploymentRecord old = ended(running("web", 0), Outcome.SUCCEEDED);
    DeploymentRecord good = ended(running("web", 10), Outcome.SUCCEEDED);
    DeploymentRecord broken = ended(running("web", 20), Outcome.FAILED);
    DeploymentRecord current = running("web", 30).build();
    DeploymentRecord otherWorkload = ended(running("api", 25), Outcome.SUCCEEDED);
    for (DeploymentRecord r : List.of(old, good, broken, otherWorkload)) {
      store.save(r, List.of());
    }
    store.started(current);

    assertThat(store.previousSuccessful("prod", "shop", "Deployment", "web", current.id()))
        .contains(good);
    assertThat(store.previousSuccessful("prod", "shop", "Deployment", "web", good.id()))
        .contains(old);
    assertThat(store.previousSuccessful("prod", "shop", "Deployment", "web", old.id())).isEmpty();
  }

  @Test
  void previousSuccessful_ofADeploymentThatSucceededItself_isTheOneBeforeIt() {
    DeploymentRecord before = ended(running("web", 0), Outcome.SUCCEEDED);
    DeploymentRecord current = ended(running("web", 10), Outcome.SUCCEEDED);
    DeploymentRecord later = ended(running("web", 20), Outcome.SUCCEEDED);
    for (DeploymentRecord r : List.of(before, current, later)) {
      store.save(r, List.of());
    }

    assertThat(store.previousSuccessful("prod", "shop", "Deployment", "web", current.id()))
        .contains(before);
    assertThat(store.previousSuccessful("prod", "shop", "Deployment", "web", null)).contains(later);
    assertThat(
            store.previousSuccessful("prod", "shop", "Deployment", "web", DeploymentRecord.newId()))
        .contains(later);
  }

  @Test
  void instants_areStoredAsInstants_whateverTheJvmTimeZone() throws Exception {
    TimeZone original = TimeZone.getDefault();
    DeploymentRecord record = running("web", 0).build();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
      store.started(record);
      TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
      assertThat(store.find(record.id()).orElseThrow().startedAt()).isEqualTo(record.startedAt());
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void aTableDroppedUnderneath_failsInOneSentenceThatSaysWhatToDo() throws Exception {
    HistoryDatabase database = database();
    String password = processEnvironment().getOrDefault("HISTORY_PASSWORD", "");
    try (Connection admin = DriverManager.getConnection(database.url(), database.user(), password);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP TABLE deployment_events");
      statement.execute("DROP TABLE deployments CASCADE");
    }
    DeploymentRecord record = running("web", 0).build();

    assertThatThrownBy(() -> store.started(record))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("writing the start of deployment " + record.id())
        .hasMessageContaining(
            " failed: the history database's tables are not what this version expects (dropped,"
                + " renamed, or no access): restore them, or let this version migrate a fresh"
                + " database (SQL state 42")
        // The driver's own words ("Table … not found", "relation … does not exist") and its
        // statement stay in the debug log.
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContainIgnoringCase("DEPLOYMENTS\"")
                    .doesNotContain("INSERT")
                    .doesNotContain("relation"));
  }

  @Test
  void reopening_keepsTheDataAndMigratesNothingTwice() throws Exception {
    DeploymentRecord record = ended(running("web", 0), Outcome.SUCCEEDED);
    store.save(record, events(record, 2));
    store.close();

    store = HistoryStore.open(database());

    assertThat(store.find(record.id())).contains(record);
    assertThat(store.events(record.id())).hasSize(2);
  }

  @Test
  void severalThreadsWritingAtOnce_allLand() throws Exception {
    int threads = 8;
    int perThread = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<String> ids = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    DeploymentRecord r = running("app-" + thread, i).build();
                    store.started(r);
                    store.event(events(r, 1).get(0));
                    store.finished(
                        r.id(), Outcome.SUCCEEDED, r.startedAt().plusSeconds(1), null, null);
                    ids.add(r.id());
                  }
                  return ids;
                }));
      }
      for (Future<List<String>> future : futures) {
        for (String id : future.get()) {
          assertThat(store.find(id))
              .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED));
          assertThat(store.events(id)).hasSize(1);
        }
      }
      assertThat(store.recent(1000)).hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Killed after writing every row of a deployment and before committing: none of it stays. */
  @Test
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aProcessKilledInsideATransaction_leavesNothingOfIt() throws Exception {
    store.close(); // the embedded file admits one process at a time
    String inFlight;
    Set<String> committed;
    try (WriterProcess writer = startWriter(4, 200, 4)) {
      inFlight = writer.awaitLine("hanging ");
      committed = writer.committed;
      writer.kill();
    }

    store = HistoryStore.open(database());

    assertThat(committed).hasSize(3);
    assertThat(store.recent(100))
        .extracting(DeploymentRecord::id)
        .containsExactlyInAnyOrderElementsOf(committed);
    for (String id : committed) {
      assertThat(store.events(id)).hasSize(200);
    }
    assertThat(store.find(inFlight)).isEmpty();
    assertThat(store.events(inFlight)).isEmpty();
    DeploymentRecord next = ended(running("after-the-crash", 0), Outcome.SUCCEEDED);
    store.save(next, events(next, 2));
    assertThat(store.find(next.id())).contains(next);
  }

  /**
   * Killed the moment a commit starts, the in-flight deployment is found whole or not at all (both
   * happen, by the race), and every deployment whose commit returned is there: on H2 this needs
   * WRITE_DELAY=0, without which the file lags the commits by up to half a second.
   */
  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void processesKilledWhileCommitting_leaveEveryDeploymentWholeOrAbsent() throws Exception {
    Set<String> committed = new HashSet<>();
    Set<String> begun = new HashSet<>();
    for (int round = 0; round < 4; round++) {
      store.close();
      try (WriterProcess writer = startWriter(0, 200, 0)) {
        writer.awaitLine("open");
        int commits = ThreadLocalRandom.current().nextInt(1, 6);
        for (int i = 0; i < commits; i++) {
          writer.awaitLine("committed ");
        }
        // Killed as soon as the next transaction has written its rows: while it commits. The
        // writer goes on until the signal lands (further on a loaded machine), so what it said
        // meanwhile counts too.
        writer.awaitLine("inside ");
        writer.killAndDrain();
        committed.addAll(writer.committed);
        begun.addAll(writer.begun);
      }
      store = HistoryStore.open(database());

      List<DeploymentRecord> stored = store.recent(1000);
      assertThat(stored).extracting(DeploymentRecord::id).containsAll(committed);
      assertThat(begun).containsAll(stored.stream().map(DeploymentRecord::id).toList());
      for (DeploymentRecord record : stored) {
        assertThat(record.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(store.events(record.id())).as("events of %s", record.id()).hasSize(200);
      }
    }
  }

  private WriterProcess startWriter(int batches, int eventsPerBatch, int hangInBatch)
      throws Exception {
    List<String> arguments =
        new ArrayList<>(List.of("" + batches, "" + eventsPerBatch, "" + hangInBatch));
    arguments.addAll(processArguments());
    return WriterProcess.start(
        arguments,
        processEnvironment(),
        processLogs.resolve("writer-" + System.nanoTime() + ".log"));
  }
}
