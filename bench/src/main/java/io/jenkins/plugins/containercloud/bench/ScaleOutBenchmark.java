package io.jenkins.plugins.containercloud.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.ClusterConfig;
import io.jenkins.plugins.containercloud.scale.Autoscaler;
import io.jenkins.plugins.containercloud.scale.Bootstrap;
import io.jenkins.plugins.containercloud.scale.CreateRequest;
import io.jenkins.plugins.containercloud.scale.Machine;
import io.jenkins.plugins.containercloud.scale.NodePool;
import io.jenkins.plugins.containercloud.scale.NodeProvider;
import io.jenkins.plugins.containercloud.scale.NodeProviders;
import io.jenkins.plugins.containercloud.scale.NodeTemplate;
import io.jenkins.plugins.containercloud.scale.ProviderSettings;
import io.jenkins.plugins.containercloud.scale.Resources;
import io.jenkins.plugins.containercloud.scale.ScalingLog;
import io.jenkins.plugins.containercloud.scale.SecretRef;
import io.jenkins.plugins.containercloud.testing.Bursts;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario "scale-out": the autoscaler (watch-driven, EC2 provider on the testbed's moto; the
 * testbed's joiner turns each instance into a kwok node) meets a Deployment of 10, 100 and 1,000
 * pods that fit only on the pool's nodes. Measures, from the moment this benchmark's own watch
 * first sees a pod marked Unschedulable, the time to the first provider call and to all pods
 * Running; counts the nodes requested against the packing optimum computed here independently (all
 * pods and nodes identical: ceil(pods / pods-per-node), pods-per-node set by the tightest of CPU,
 * memory and pod slots). The anchor is cluster-autoscaler's documented behaviour: a scan every 10
 * s, and a scale-up request within 30 s of a pod turning unschedulable in clusters under 100 nodes.
 */
public final class ScaleOutBenchmark {

  /** m5.2xlarge as the testbed's joiner makes it: 8 CPU, 32 GiB, 110 pods. */
  static final Resources NODE = new Resources(8000, 32L << 30, 110);

  /** Each pod: CPU is the tightest resource (32 per node; memory would allow 64). */
  static final long POD_CPU_MILLIS = 250;

  static final long POD_MEMORY = 512L << 20;
  static final Duration CA_SCAN = Duration.ofSeconds(10);
  static final Duration CA_SCALE_UP_BOUND = Duration.ofSeconds(30);
  private static final Duration RUNNING_WITHIN = Duration.ofMinutes(10);

  /** One round: a burst of {@code pods} pods. */
  record Round(
      int pods,
      Duration toProviderCall,
      Duration toAllRunning,
      int requested,
      int optimum,
      List<Duration> ownLatencies) {}

  /** How many identical pods one node holds: the tightest of CPU, memory and pod slots. */
  static long perNode(Resources node, long podCpuMillis, long podMemory) {
    return Math.min(
        Math.min(node.cpuMillis() / podCpuMillis, node.memoryBytes() / podMemory), node.pods());
  }

  /** The optimum of packing {@code pods} identical pods onto identical nodes. */
  static int optimum(int pods, Resources node, long podCpuMillis, long podMemory) {
    long perNode = perNode(node, podCpuMillis, podMemory);
    return (int) ((pods + perNode - 1) / perNode);
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int bigRounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    String run = UUID.randomUUID().toString().substring(0, 6);
    String namespace = "bench-scale-" + run;
    Path credentials = Files.createTempFile("bench-aws", ".txt");
    Files.writeString(credentials, "test");
    KubernetesClient admin =
        new KubernetesClientBuilder().withConfig(Config.autoConfigure(null)).build();
    admin
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    List<Round> results = new ArrayList<>();
    try (Cluster cluster =
        Cluster.connect(
            ClusterConfig.kubeconfig(
                "testbed", Path.of(Testbed.require("KUBECONFIG")), null, namespace))) {
      awaitServiceAccount(admin, namespace);
      ScaleOutBenchmark bench = new ScaleOutBenchmark(admin, cluster, namespace, credentials);
      for (int pods : new int[] {10, 100, 1000}) {
        for (int r = 0; r < (pods >= 1000 ? bigRounds : rounds); r++) {
          Round round = bench.round(pods, run + "-" + pods + "-" + r);
          results.add(round);
          System.out.println(row(round));
        }
      }
    } finally {
      admin.namespaces().withName(namespace).delete();
      admin.close();
      Files.deleteIfExists(credentials);
    }
    System.out.println();
    System.out.println(summary(results));
  }

  private final KubernetesClient admin;
  private final Cluster cluster;
  private final String namespace;
  private final Path credentials;

  ScaleOutBenchmark(KubernetesClient admin, Cluster cluster, String namespace, Path credentials) {
    this.admin = admin;
    this.cluster = cluster;
    this.namespace = namespace;
    this.credentials = credentials;
  }

  Round round(int pods, String id) throws Exception {
    String name = "so-" + id;
    NodePool pool = pool(name);
    TimedProvider provider =
        new TimedProvider(NodeProviders.of(pool.provider(), "bench/" + namespace));
    AtomicReference<Instant> firstUnschedulable = new AtomicReference<>();
    Set<String> running = ConcurrentHashMap.newKeySet();
    SharedIndexInformer<Pod> watch =
        admin
            .pods()
            .inNamespace(namespace)
            .withLabel("app", name)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    seen(pod);
                  }

                  @Override
                  public void onUpdate(Pod old, Pod pod) {
                    seen(pod);
                  }

                  @Override
                  public void onDelete(Pod pod, boolean unknown) {}

                  private void seen(Pod pod) {
                    if (unschedulable(pod)) {
                      firstUnschedulable.compareAndSet(null, Instant.now());
                    }
                    if ("Running".equals(pod.getStatus().getPhase())) {
                      running.add(pod.getMetadata().getName());
                    }
                  }
                });
    Autoscaler autoscaler =
        new Autoscaler(
            "testbed",
            cluster.wholeCluster(),
            cluster.client(),
            List.of(pool),
            Map.of(pool.name(), provider),
            ScalingLog.inMemory(),
            Clock.systemUTC(),
            Autoscaler.Timing.DEFAULT);
    try {
      autoscaler.start();
      // As in serve, where the autoscaler runs long before a burst: its informers are synced and
      // its provider's client has made its first call when the pods arrive.
      autoscaler.runNow();
      admin.resource(deployment(name, pods)).create();
      Instant deadline = Instant.now().plus(RUNNING_WITHIN);
      while (running.size() < pods) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              name
                  + ": "
                  + running.size()
                  + " of "
                  + pods
                  + " pods Running after "
                  + RUNNING_WITHIN);
        }
        Thread.sleep(50);
      }
      Instant allRunning = Instant.now();
      Instant first = firstUnschedulable.get();
      return new Round(
          pods,
          Duration.between(first, provider.firstCall.get()),
          Duration.between(first, allRunning),
          provider.requested.get(),
          optimum(pods, NODE, POD_CPU_MILLIS, POD_MEMORY),
          autoscaler.scaleUpLatencies());
    } finally {
      watch.close();
      autoscaler.close();
      admin.apps().deployments().inNamespace(namespace).withName(name).delete();
      NodeProvider cleaner = NodeProviders.of(pool.provider(), "bench/" + namespace);
      for (Machine m : cleaner.listOwned(pool.name())) {
        cleaner.delete(m.id());
        admin.nodes().withName(m.id()).delete();
      }
      cleaner.close();
      awaitGone(name);
    }
  }

  private void awaitGone(String name) throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      if (admin.pods().inNamespace(namespace).withLabel("app", name).list().getItems().isEmpty()) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private NodePool pool(String name) {
    return new NodePool(
        name,
        "testbed",
        new ProviderSettings(
            "ec2",
            Map.of(
                "endpoint",
                Testbed.require("TESTBED_EC2_ENDPOINT"),
                "region",
                "us-east-1",
                "accessKeyIdRef",
                "file:" + credentials,
                "secretAccessKeyRef",
                "file:" + credentials)),
        new NodeTemplate(NODE, Map.of("tier", name), List.of(), "m5.2xlarge", "ami-12c6146b", null),
        0,
        40,
        40,
        Duration.ofMinutes(30),
        0.5,
        Duration.ofMinutes(30),
        new Bootstrap(
            "#!/bin/bash\n${joinCommand}\n",
            "kubeadm join 127.0.0.1:16443 --token ${token}"
                + " --discovery-token-unsafe-skip-ca-verification --node-labels=${nodeLabels}",
            SecretRef.parse("joinToken", "file:" + Testbed.require("TESTBED_JOIN_TOKEN_FILE"))));
  }

  private io.fabric8.kubernetes.api.model.apps.Deployment deployment(String name, int replicas) {
    return Bursts.deployment(
        namespace, name, replicas, POD_CPU_MILLIS + "m", String.valueOf(POD_MEMORY));
  }

  static boolean unschedulable(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("PodScheduled".equals(c.getType())
          && "False".equals(c.getStatus())
          && "Unschedulable".equals(c.getReason())) {
        return true;
      }
    }
    return false;
  }

  private static void awaitServiceAccount(KubernetesClient admin, String namespace)
      throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (admin.serviceAccounts().inNamespace(namespace).withName("default").get() != null) {
        return;
      }
      Thread.sleep(100);
    }
  }

  static String row(Round r) {
    return String.format(
        Locale.ROOT,
        "pods %5d  first Unschedulable -> provider call %6.2f s  -> all Running %7.2f s"
            + "  nodes requested %3d  optimum %3d  autoscaler's own first-seen -> call %s",
        r.pods(),
        seconds(r.toProviderCall()),
        seconds(r.toAllRunning()),
        r.requested(),
        r.optimum(),
        r.ownLatencies().stream()
            .map(d -> String.format(Locale.ROOT, "%.2f s", seconds(d)))
            .toList());
  }

  static String summary(List<Round> rounds) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "scale-out: EC2 provider on moto, kwok nodes of %d CPU / %d GiB / %d pods, pods of"
                + " %dm CPU / %d MiB (%d per node, the optimum is ceil(pods / %d))%n",
            NODE.cpuMillis() / 1000,
            NODE.memoryBytes() >> 30,
            NODE.pods(),
            POD_CPU_MILLIS,
            POD_MEMORY >> 20,
            perNode(NODE, POD_CPU_MILLIS, POD_MEMORY),
            perNode(NODE, POD_CPU_MILLIS, POD_MEMORY)));
    out.append(
        String.format(
            Locale.ROOT,
            "anchor: cluster-autoscaler (documented) scans every %d s; scale-up request within %d s"
                + " of a pod turning unschedulable, clusters under 100 nodes%n",
            CA_SCAN.toSeconds(),
            CA_SCALE_UP_BOUND.toSeconds()));
    out.append(
        String.format(
            Locale.ROOT,
            "%6s %7s %14s %10s %10s %14s %10s %10s%n",
            "pods",
            "rounds",
            "->call median",
            "vs 10 s",
            "vs 30 s",
            "->Running med",
            "requested",
            "optimum"));
    for (int pods : new int[] {10, 100, 1000}) {
      List<Round> of = rounds.stream().filter(r -> r.pods() == pods).toList();
      if (of.isEmpty()) {
        continue;
      }
      double call = median(of.stream().map(r -> seconds(r.toProviderCall())).toList());
      double all = median(of.stream().map(r -> seconds(r.toAllRunning())).toList());
      String requested =
          of.stream().map(r -> String.valueOf(r.requested())).distinct().toList().toString();
      out.append(
          String.format(
              Locale.ROOT,
              "%6d %7d %12.2f s %9.3fx %9.3fx %12.2f s %10s %10d%n",
              pods,
              of.size(),
              call,
              call / CA_SCAN.toSeconds(),
              call / CA_SCALE_UP_BOUND.toSeconds(),
              all,
              requested,
              of.get(0).optimum()));
    }
    boolean optimal = rounds.stream().allMatch(r -> r.requested() == r.optimum());
    out.append("requested = optimum in every round: ").append(optimal ? "yes" : "NO");
    return out.toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** The provider, noting when it was first asked for machines and how many it was asked for. */
  static final class TimedProvider implements NodeProvider {
    final AtomicReference<Instant> firstCall = new AtomicReference<>();
    final AtomicInteger requested = new AtomicInteger();
    private final NodeProvider delegate;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    TimedProvider(NodeProvider delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<Machine> create(CreateRequest request) {
      firstCall.compareAndSet(null, Instant.now());
      if (keys.add(request.idempotencyKey())) {
        requested.addAndGet(request.count());
      }
      return delegate.create(request);
    }

    @Override
    public List<Machine> listOwned(String pool) {
      return delegate.listOwned(pool);
    }

    @Override
    public void delete(String id) {
      delegate.delete(id);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
