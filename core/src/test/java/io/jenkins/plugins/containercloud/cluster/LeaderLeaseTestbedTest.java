package io.jenkins.plugins.containercloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.containercloud.testing.KubeTestbed;
import io.jenkins.plugins.containercloud.testing.TcpForwarder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas elect one on a Lease of the testbed's kube-apiserver: exactly one leads; when it
 * leaves (lease given back) or dies (its client gone, the lease no longer renewed), the other takes
 * over; never both at once.
 */
class LeaderLeaseTestbedTest {

  @RegisterExtension static final KubeTestbed TESTBED = new KubeTestbed();

  private static final Duration LONG = Duration.ofMinutes(1);

  private final List<AutoCloseable> opened = new ArrayList<>();

  /** How many replicas lead at this moment, and the most that ever did at once. */
  private final AtomicInteger leaders = new AtomicInteger();

  private final AtomicInteger mostAtOnce = new AtomicInteger();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private KubernetesClient client() {
    return client(Config.autoConfigure(null));
  }

  private KubernetesClient client(Config config) {
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    opened.add(client);
    return client;
  }

  /** A client whose connection to the API server the test can cut, as a crash or partition does. */
  private KubernetesClient cuttable(TcpForwarder[] forwarder) throws Exception {
    Config config = Config.autoConfigure(null);
    URI api = URI.create(config.getMasterUrl());
    forwarder[0] = TcpForwarder.to(api.getHost(), api.getPort());
    opened.add(forwarder[0]);
    config.setMasterUrl("https://" + api.getHost() + ":" + forwarder[0].port());
    return client(config);
  }

  private LeaderLease replica(KubernetesClient client, String identity, String lease) {
    LeaderLease l =
        new LeaderLease(
            client,
            new LeaderLease.Settings(
                TESTBED.namespace(),
                lease,
                identity,
                Duration.ofSeconds(8),
                Duration.ofSeconds(3),
                Duration.ofMillis(500)),
            new LeaderLease.Listener() {
              @Override
              public void startedLeading() {
                mostAtOnce.accumulateAndGet(leaders.incrementAndGet(), Math::max);
                log.add(identity + " started");
              }

              @Override
              public void stoppedLeading() {
                leaders.decrementAndGet();
                log.add(identity + " stopped");
              }
            });
    opened.add(l);
    return l;
  }

  private String holder(String lease) {
    Lease l = TESTBED.client().leases().inNamespace(TESTBED.namespace()).withName(lease).get();
    return l == null ? null : l.getSpec().getHolderIdentity();
  }

  @Test
  void oneOfTwoLeads_andTheOtherTakesOverWhenItLeaves() {
    LeaderLease a = replica(client(), "a", "leave");
    LeaderLease b = replica(client(), "b", "leave");
    a.start();
    b.start();

    await().atMost(LONG).until(() -> a.leading() || b.leading());
    LeaderLease first = a.leading() ? a : b;
    LeaderLease second = first == a ? b : a;
    String firstId = first.settings().identity();
    assertThat(holder("leave")).isEqualTo(firstId);
    await().atMost(LONG).until(() -> firstId.equals(second.leader()));
    assertThat(second.leading()).isFalse();

    first.close();

    await().atMost(LONG).until(second::leading);
    assertThat(holder("leave")).isEqualTo(second.settings().identity());
    assertThat(log).containsSubsequence(firstId + " started", firstId + " stopped");
    assertThat(mostAtOnce).hasValue(1);
  }

  @Test
  void whenTheLeaderIsCutOff_itStops_andTheOtherTakesOverAfterTheLeaseExpires() throws Exception {
    TcpForwarder[] link = new TcpForwarder[1];
    LeaderLease a = replica(cuttable(link), "a", "die");
    a.start();
    await().atMost(LONG).until(a::leading);
    LeaderLease b = replica(client(), "b", "die");
    b.start();
    await().atMost(LONG).until(() -> "a".equals(b.leader()));

    // As a SIGKILL or a partition does: the holder never renews nor gives the lease back. Its
    // elector fails to renew and stops leading after the renew deadline, before the lease expires.
    link[0].refuse();

    await().atMost(LONG).until(b::leading);
    assertThat(holder("die")).isEqualTo("b");
    await().atMost(LONG).until(() -> !a.leading());
    assertThat(mostAtOnce).hasValue(1);
  }

  @Test
  void settingsThatCouldLetTwoLead_areRefused() {
    assertThatThrownBy(
            () ->
                new LeaderLease.Settings(
                    "ns",
                    "l",
                    "a",
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(2)))
        .hasMessageContaining("leaseDuration")
        .hasMessageContaining("longer than renewDeadline");
    assertThatThrownBy(
            () ->
                new LeaderLease.Settings(
                    "ns", "l", " ", Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ZERO))
        .hasMessageContaining("identity");
  }
}
