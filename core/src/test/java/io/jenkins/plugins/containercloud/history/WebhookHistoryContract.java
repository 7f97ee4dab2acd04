package io.jenkins.plugins.containercloud.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests for {@link WebhookHistory}, run on each database. */
abstract class WebhookHistoryContract {

  abstract HistoryDatabase database() throws Exception;

  private HistoryStore store;
  private WebhookHistory history;

  @BeforeEach
  void open() throws Exception {
    store = HistoryStore.open(database());
    history = new WebhookHistory(store);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void insert_storesADeliveryWithItsTriggers_andReadsThemBack() {
    WebhookDelivery d = delivery("k-1");
    assertThat(history.insert(d, List.of(trigger(d, 1), trigger(d, 2)))).isEmpty();
    assertThat(history.find(d.id())).contains(d);
    assertThat(history.triggers(d.id())).extracting(WebhookTriggerRow::seq).containsExactly(1, 2);
    assertThat(history.recent(10)).containsExactly(d);
  }

  @Test
  void insert_sameKeyTwice_returnsTheFirst_andStoresOnce_evenWhenRacing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<String>>> results = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        WebhookDelivery d = delivery("race");
        ids.add(d.id());
        results.add(
            pool.submit(
                (Callable<Optional<String>>) () -> history.insert(d, List.of(trigger(d, 1)))));
      }
      int stored = 0;
      String winner = null;
      for (int i = 0; i < results.size(); i++) {
        Optional<String> existing = results.get(i).get();
        if (existing.isEmpty()) {
          stored++;
          winner = ids.get(i);
        }
      }
      assertThat(stored).isEqualTo(1);
      for (Future<Optional<String>> r : results) {
        assertThat(r.get()).isIn(Optional.empty(), Optional.of(winner));
      }
      assertThat(history.pending(100)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void insertAll_storesABatchInOneTransaction_aRepeatedKeyIsADuplicateOfTheFirst() {
    WebhookDelivery a = delivery("b-1");
    WebhookDelivery b = delivery("b-2");
    WebhookDelivery again = delivery("b-1");
    List<Optional<String>> results =
        history.insertAll(
            List.of(
                new WebhookHistory.Insert(a, List.of(trigger(a, 1))),
                new WebhookHistory.Insert(b, List.of()),
                new WebhookHistory.Insert(again, List.of(trigger(again, 1)))));
    assertThat(results).containsExactly(Optional.empty(), Optional.empty(), Optional.of(a.id()));
    assertThat(history.recent(10)).hasSize(2);
    assertThat(history.stored(List.of(a.id(), b.id(), again.id()))).isEqualTo(2);
  }

  @Test
  void refusedDeliveries_withoutKey_areAllStored() {
    assertThat(history.insert(delivery(null), List.of())).isEmpty();
    assertThat(history.insert(delivery(null), List.of())).isEmpty();
    assertThat(history.recent(10)).hasSize(2);
  }

  @Test
  void triggerStates_moveOnlyFromWhereTheyAre_andCloseTheDelivery() {
    WebhookDelivery d = delivery("k-2");
    history.insert(d, List.of(trigger(d, 1), trigger(d, 2)));
    List<WebhookTriggerRow> pending = history.pending(10);
    String deployment = UUID.randomUUID().toString();
    assertThat(history.claim(pending.get(0), deployment, "r/a@sha256:1", Instant.now())).isTrue();
    assertThat(history.claim(pending.get(0), deployment, null, Instant.now())).isFalse();
    assertThat(history.running(10))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.deploymentId()).isEqualTo(deployment);
              assertThat(t.image()).isEqualTo("r/a@sha256:1");
            });
    assertThat(history.supersede(pending.get(1), "newer came", Instant.now())).isTrue();
    assertThat(history.find(d.id()).orElseThrow().status()).isEqualTo("ACCEPTED");
    assertThat(history.finish(pending.get(0), "SUCCEEDED", null, Instant.now())).isTrue();
    assertThat(history.find(d.id()).orElseThrow().status()).isEqualTo("PROCESSED");
  }

  private static WebhookDelivery delivery(String key) {
    return new WebhookDelivery(
        UUID.randomUUID().toString(),
        "registry",
        "hook",
        key,
        "push",
        Instant.parse("2026-08-14T08:00:00.123456Z"),
        "sha256:00",
        10,
        key == null ? "REFUSED" : "VERIFIED",
        key == null ? "REFUSED" : "ACCEPTED",
        null,
        "{}",
        "[]",
        null);
  }

  private static WebhookTriggerRow trigger(WebhookDelivery d, int seq) {
    return new WebhookTriggerRow(
        d.id(),
        seq,
        "rule",
        "c",
        "ns",
        "Deployment",
        "w" + seq,
        null,
        "r/a:1",
        "{}",
        "PENDING",
        null,
        null,
        d.receivedAt());
  }
}
