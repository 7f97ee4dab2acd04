package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes Events an hour after they last happened, as the API server's event TTL does. */
final class EventExpiry implements Runnable {

  static final Duration TTL = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(EventExpiry.class);

  private final KubernetesClient client;

  EventExpiry(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public void run() {
    try {
      Instant cutoff = Instant.now().minus(TTL);
      for (Event event : client.v1().events().inAnyNamespace().list().getItems()) {
        String last =
            event.getLastTimestamp() != null
                ? event.getLastTimestamp()
                : event.getMetadata().getCreationTimestamp();
        if (last != null && Instant.parse(last).isBefore(cutoff)) {
          client
              .v1()
              .events()
              .inNamespace(event.getMetadata().getNamespace())
              .withName(event.getMetadata().getName())
              .delete();
        }
      }
    } catch (KubernetesClientException e) {
      LOG.debug("could not expire events", e);
    }
  }
}
