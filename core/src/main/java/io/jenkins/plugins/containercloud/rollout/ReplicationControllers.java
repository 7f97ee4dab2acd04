package io.jenkins.plugins.containercloud.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * The writes a rolling update makes to ReplicationControllers, each one request (JSON merge
 * patches), and the waits that follow them, served by the namespace's informers.
 */
final class ReplicationControllers {

  /** A plain mapper: merge patches need explicit nulls to remove keys. */
  private static final ObjectMapper PATCH_MAPPER = new ObjectMapper();

  private final KubernetesClient client;
  private final NamespaceState state;
  private final String namespace;

  ReplicationControllers(KubernetesClient client, NamespaceState state) {
    this.client = client;
    this.state = state;
    this.namespace = state.namespace();
  }

  /** A fresh read from the API server, for decisions that must not act on a stale cache. */
  Optional<ReplicationController> get(String name) {
    return Optional.ofNullable(
        client.replicationControllers().inNamespace(namespace).withName(name).get());
  }

  ReplicationController create(ReplicationController rc) {
    return client.replicationControllers().inNamespace(namespace).resource(rc).create();
  }

  ReplicationController scale(String name, int replicas) {
    return patch(name, Map.of("spec", Map.of("replicas", replicas)));
  }

  /** Sets (or, with a null value, removes) annotations. */
  ReplicationController annotate(String name, Map<String, String> annotations) {
    return patch(name, Map.of("metadata", Map.of("annotations", annotations)));
  }

  ReplicationController patch(String name, Map<String, ?> mergePatch) {
    return client
        .replicationControllers()
        .inNamespace(namespace)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), json(mergePatch));
  }

  static String json(Object patch) {
    try {
      return PATCH_MAPPER.writeValueAsString(patch);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a patch", e);
    }
  }

  /** Deletes a controller and its pods, or orphans them, and waits until it is gone. */
  void delete(String name, boolean orphanPods, Duration timeout)
      throws InterruptedException, TimeoutException {
    client
        .replicationControllers()
        .inNamespace(namespace)
        .withName(name)
        .withPropagationPolicy(
            orphanPods ? DeletionPropagation.ORPHAN : DeletionPropagation.BACKGROUND)
        .delete();
    state.await(
        () -> state.replicationController(name).isPresent() ? Optional.empty() : Optional.of(true),
        timeout,
        "ReplicationController " + name + " to be deleted");
  }

  /** Waits until the controller has seen its spec and created or removed pods to match it. */
  ReplicationController awaitObserved(ReplicationController written, Duration timeout)
      throws InterruptedException, TimeoutException {
    String name = written.getMetadata().getName();
    long generation =
        written.getMetadata().getGeneration() == null ? 0 : written.getMetadata().getGeneration();
    int replicas = written.getSpec().getReplicas() == null ? 1 : written.getSpec().getReplicas();
    return state.await(
        () ->
            state
                .replicationController(name)
                .filter(rc -> rc.getStatus() != null)
                .filter(
                    rc ->
                        rc.getStatus().getObservedGeneration() != null
                            && rc.getStatus().getObservedGeneration() >= generation)
                .filter(
                    rc ->
                        rc.getStatus().getReplicas() != null
                            && rc.getStatus().getReplicas() == replicas),
        timeout,
        "ReplicationController " + name + " to have " + replicas + " pods");
  }

  /**
   * Adds a label to each pod, a few requests at a time: relabelling is the slowest part of a first
   * update of a large controller, and the requests are independent.
   */
  void labelPods(List<Pod> pods, String key, String value) {
    String patch = json(Map.of("metadata", Map.of("labels", Map.of(key, value))));
    try (ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(8, pods.size())))) {
      List<Future<?>> patches = new ArrayList<>();
      for (Pod pod : pods) {
        patches.add(
            pool.submit(
                () -> {
                  try {
                    client
                        .pods()
                        .inNamespace(namespace)
                        .withName(pod.getMetadata().getName())
                        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
                  } catch (KubernetesClientException e) {
                    // A pod deleted since the list needs no label.
                    if (e.getCode() != 404) {
                      throw e;
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> patched : patches) {
        try {
          patched.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new KubernetesClientException("interrupted while labelling pods", e);
        }
      }
    }
  }

  static Map<String, String> annotationsOf(ReplicationController rc) {
    Map<String, String> annotations = rc.getMetadata().getAnnotations();
    return annotations == null ? Map.of() : annotations;
  }

  static int replicas(ReplicationController rc) {
    return rc.getSpec().getReplicas() == null ? 1 : rc.getSpec().getReplicas();
  }

  static Map<String, String> removing(String... keys) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String key : keys) {
      map.put(key, null);
    }
    return map;
  }
}
