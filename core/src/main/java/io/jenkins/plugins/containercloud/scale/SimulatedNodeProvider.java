package io.jenkins.plugins.containercloud.scale;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Machines that are nodes at once, for the sandbox and the demo: "creating a machine" creates a
 * Ready Node with the pool's template (as if a VM booted and joined in no time), deleting one
 * deletes the Node. Idempotent by the request key kept in an annotation.
 */
public final class SimulatedNodeProvider implements NodeProvider {

  private static final String OWNER = "container-cloud.io/owner";
  private static final String REQUEST = "container-cloud.io/request";

  private final KubernetesClient client;
  private final String owner;

  public SimulatedNodeProvider(KubernetesClient client, String owner) {
    this.client = client;
    this.owner = owner;
  }

  @Override
  public synchronized List<Machine> create(CreateRequest request) {
    NodePool pool = request.pool();
    List<Machine> made = new ArrayList<>();
    for (Machine m : listOwned(pool.name())) {
      if (request.idempotencyKey().equals(m.idempotencyKey())) {
        made.add(m);
      }
    }
    while (made.size() < request.count()) {
      String name = pool.name() + "-" + UUID.randomUUID().toString().substring(0, 5);
      made.add(
          machine(client.nodes().resource(node(pool, name, request.idempotencyKey())).create()));
    }
    return made;
  }

  private Node node(NodePool pool, String name, String key) {
    Resources r = pool.template().allocatable();
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity(r.cpuMillis() + "m"),
            "memory", new Quantity(Long.toString(r.memoryBytes())),
            "pods", new Quantity(Integer.toString(r.pods())));
    Map<String, String> labels = new HashMap<>(TemplateFit.nodeLabels(pool));
    labels.put("kubernetes.io/hostname", name);
    labels.put("type", "sandbox");
    String now = Instant.now().toString();
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .withAnnotations(Map.of(OWNER, owner, REQUEST, key))
        .endMetadata()
        .withNewSpec()
        .withProviderID("sandbox://" + name)
        .withTaints(
            pool.template().taints().stream()
                .map(
                    t ->
                        new TaintBuilder()
                            .withKey(t.key())
                            .withValue(t.value())
                            .withEffect(t.effect())
                            .build())
                .toList())
        .endSpec()
        .withNewStatus()
        .withCapacity(capacity)
        .withAllocatable(capacity)
        .withConditions(
            new NodeConditionBuilder()
                .withType("Ready")
                .withStatus("True")
                .withReason("KubeletReady")
                .withLastHeartbeatTime(now)
                .withLastTransitionTime(now)
                .build())
        .endStatus()
        .build();
  }

  @Override
  public List<Machine> listOwned(String pool) {
    return client.nodes().withLabel(NodePool.POOL_LABEL, pool).list().getItems().stream()
        .filter(n -> owner.equals(annotation(n, OWNER)))
        .map(SimulatedNodeProvider::machine)
        .toList();
  }

  @Override
  public void delete(String id) {
    client.nodes().withName(id).delete();
  }

  private static Machine machine(Node n) {
    String created = n.getMetadata().getCreationTimestamp();
    return new Machine(
        n.getMetadata().getName(),
        n.getMetadata().getLabels().get(NodePool.POOL_LABEL),
        "running",
        created == null ? Instant.now() : Instant.parse(created),
        n.getSpec().getProviderID(),
        annotation(n, REQUEST));
  }

  private static String annotation(Node n, String key) {
    Map<String, String> a = n.getMetadata().getAnnotations();
    return a == null ? null : a.get(key);
  }
}
