package io.jenkins.plugins.containercloud.standalone.server;

import io.javalin.http.sse.SseClient;
import io.jenkins.plugins.containercloud.events.LiveEvents;
import io.jenkins.plugins.containercloud.events.LiveEvents.LiveEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /api/v1/stream}: each client gets the events it missed since its {@code
 * Last-Event-ID}, then every new one, written by a virtual thread of its own so that a slow client
 * never holds up the others or the publisher.
 */
final class EventStream {

  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  /** A client further behind than this is cut off; it reconnects and catches up from the buffer. */
  private static final int MAX_QUEUED = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final LiveEvents events;

  EventStream(LiveEvents events) {
    this.events = events;
  }

  void serve(SseClient client) {
    client.keepAlive();
    long after = lastEventId(client.ctx().header("Last-Event-ID"));
    BlockingQueue<LiveEvent> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    Consumer<LiveEvent> subscriber =
        event -> {
          if (!queue.offer(event)) {
            LOG.debug("an event stream client fell {} events behind; closing it", MAX_QUEUED);
            client.close();
          }
        };
    List<LiveEvent> missed = events.subscribe(after < 0 ? events.lastId() : after, subscriber);
    client.onClose(() -> events.unsubscribe(subscriber));
    Thread.ofVirtual()
        .name("event-stream")
        .start(
            () -> {
              try {
                client.sendComment("connected");
                missed.forEach(e -> send(client, e));
                while (!client.terminated()) {
                  LiveEvent event = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                  if (event == null) {
                    client.sendComment("keep-alive");
                  } else {
                    send(client, event);
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.debug("event stream client gone", e);
              } finally {
                events.unsubscribe(subscriber);
                client.close();
              }
            });
  }

  private static void send(SseClient client, LiveEvent event) {
    client.sendEvent(event.type(), event.json(), Long.toString(event.id()));
  }

  /** The id the client last saw, or -1 when it sent none (it then gets only new events). */
  private static long lastEventId(String header) {
    if (header == null || header.isBlank()) {
      return -1;
    }
    try {
      return Math.max(0, Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
