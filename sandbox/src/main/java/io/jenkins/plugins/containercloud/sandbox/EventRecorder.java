package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events as the real components do: one Event per object, reason and message, whose
 * count and last timestamp grow when it repeats.
 */
final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private static final int MAX_REMEMBERED = 10_000;

  private final KubernetesClient client;
  private final String component;
  private final Map<String, Recorded> recorded = new ConcurrentHashMap<>();

  /** An Event already written: its name and how often it happened. */
  private record Recorded(String namespace, String name, int count) {}

  EventRecorder(KubernetesClient client, String component) {
    this.client = client;
    this.component = component;
  }

  void normal(HasMetadata object, String reason, String message) {
    record(object, "Normal", reason, message, null);
  }

  void warning(HasMetadata object, String reason, String message) {
    record(object, "Warning", reason, message, null);
  }

  /** Records on behalf of a node's kubelet ({@code source.host}). */
  void onHost(HasMetadata object, String type, String reason, String message, String host) {
    record(object, type, reason, message, host);
  }

  private void record(HasMetadata object, String type, String reason, String message, String host) {
    String namespace =
        object.getMetadata().getNamespace() == null
            ? "default"
            : object.getMetadata().getNamespace();
    String key = object.getMetadata().getUid() + "|" + type + "|" + reason + "|" + message;
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    if (recorded.size() > MAX_REMEMBERED) {
      // Events expire after an hour anyway; forgetting only means a repeat starts a new Event.
      recorded.clear();
    }
    try {
      Recorded previous = recorded.get(key);
      if (previous != null) {
        int count = previous.count() + 1;
        client
            .v1()
            .events()
            .inNamespace(previous.namespace())
            .withName(previous.name())
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"count\":" + count + ",\"lastTimestamp\":\"" + now + "\"}");
        recorded.put(key, new Recorded(previous.namespace(), previous.name(), count));
        return;
      }
      Event event = build(object, namespace, type, reason, message, host, now);
      client.v1().events().inNamespace(namespace).resource(event).create();
      recorded.put(key, new Recorded(namespace, event.getMetadata().getName(), 1));
    } catch (KubernetesClientException e) {
      recorded.remove(key);
      LOG.debug("could not record event {} for {}", reason, object.getMetadata().getName(), e);
    }
  }

  private Event build(
      HasMetadata object,
      String namespace,
      String type,
      String reason,
      String message,
      String host,
      String now) {
    String name =
        object.getMetadata().getName()
            + "."
            + Long.toHexString(System.nanoTime())
            + ObjectDefaults.randomSuffix();
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withInvolvedObject(
            new ObjectReferenceBuilder()
                .withApiVersion(object.getApiVersion())
                .withKind(object.getKind())
                .withName(object.getMetadata().getName())
                .withNamespace(object.getMetadata().getNamespace())
                .withUid(object.getMetadata().getUid())
                .withResourceVersion(object.getMetadata().getResourceVersion())
                .build())
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withNewSource()
        .withComponent(component)
        .withHost(host)
        .endSource()
        .withReportingComponent(component)
        .withReportingInstance(host == null ? component : host)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .build();
  }
}
