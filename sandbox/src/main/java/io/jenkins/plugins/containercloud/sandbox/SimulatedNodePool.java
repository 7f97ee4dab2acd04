package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link NodePool} over the simulated API server: nodes are Node objects with a Ready status. */
final class SimulatedNodePool implements NodePool {

  private static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

  private final KubernetesClient client;
  private final AtomicInteger addresses = new AtomicInteger();

  SimulatedNodePool(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void addNode(String name, String cpu, String memory, int pods) {
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity(cpu),
            "memory", new Quantity(memory),
            "pods", new Quantity(Integer.toString(pods)),
            "ephemeral-storage", new Quantity("100Gi"));
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(
                Map.of(
                    "type", "sandbox",
                    "kubernetes.io/hostname", name,
                    "kubernetes.io/os", "linux",
                    "kubernetes.io/arch", "amd64"))
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .withNewStatus()
            .withCapacity(capacity)
            .withAllocatable(capacity)
            .withConditions(conditions())
            .addNewAddress()
            .withType("InternalIP")
            .withAddress("10.0.1." + addresses.incrementAndGet())
            .endAddress()
            .addNewAddress()
            .withType("Hostname")
            .withAddress(name)
            .endAddress()
            .withNewNodeInfo()
            .withKubeletVersion("v1.36.0-sandbox")
            .withContainerRuntimeVersion("sandbox://1.0")
            .withOperatingSystem("linux")
            .withArchitecture("amd64")
            .withOsImage("Container Cloud sandbox")
            .withKernelVersion("")
            .withKubeProxyVersion("")
            .withMachineID("")
            .withSystemUUID("")
            .withBootID("")
            .endNodeInfo()
            .endStatus()
            .build();
    client.nodes().resource(node).create();
    client
        .nodes()
        .withName(name)
        .waitUntilCondition(SimulatedNodePool::isReady, 30, TimeUnit.SECONDS);
  }

  private static List<NodeCondition> conditions() {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    return List.of(
        condition(
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
            now),
        condition(
            "DiskPressure",
            "False",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
            now),
        condition(
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
            now),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now));
  }

  private static NodeCondition condition(
      String type, String status, String reason, String message, String now) {
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(now)
        .build();
  }

  private static boolean isReady(Node node) {
    return node != null
        && node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Override
  public void removeNode(String name) {
    client.nodes().withName(name).delete();
    client.nodes().withName(name).waitUntilCondition(n -> n == null, 30, TimeUnit.SECONDS);
  }

  @Override
  public void cordon(String name) {
    client
        .nodes()
        .withName(name)
        .edit(
            n -> {
              n.getSpec().setUnschedulable(true);
              List<Taint> taints =
                  new ArrayList<>(
                      n.getSpec().getTaints() == null ? List.of() : n.getSpec().getTaints());
              if (taints.stream().noneMatch(t -> UNSCHEDULABLE.equals(t.getKey()))) {
                taints.add(
                    new TaintBuilder()
                        .withKey(UNSCHEDULABLE)
                        .withEffect("NoSchedule")
                        .withTimeAdded(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                        .build());
              }
              n.getSpec().setTaints(taints);
              return n;
            });
  }

  @Override
  public List<String> nodeNames() {
    return client.nodes().list().getItems().stream()
        .map(n -> n.getMetadata().getName())
        .sorted()
        .toList();
  }
}
