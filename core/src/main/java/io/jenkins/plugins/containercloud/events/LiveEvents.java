package io.jenkins.plugins.containercloud.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The live stream behind the dashboard's Server-Sent Events: numbered events (a type and a JSON
 * document) kept in a bounded buffer, so that a client reconnecting with the last id it saw gets
 * what it missed, in order, and then the new ones.
 */
public final class LiveEvents {

  /** One event: its number (increasing from 1), its type, and its data as JSON text. */
  public record LiveEvent(long id, String type, String json) {}

  private final int capacity;
  private final Deque<LiveEvent> buffer = new ArrayDeque<>();
  private final List<Consumer<LiveEvent>> subscribers = new CopyOnWriteArrayList<>();
  private long lastId;

  public LiveEvents(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Adds an event and hands it to every subscriber, in the order events were published (delivery
   * happens under the stream's lock, so subscribers must only enqueue, never block).
   */
  public synchronized LiveEvent publish(String type, String json) {
    LiveEvent event = new LiveEvent(++lastId, type, json);
    buffer.addLast(event);
    if (buffer.size() > capacity) {
      buffer.removeFirst();
    }
    for (Consumer<LiveEvent> subscriber : subscribers) {
      subscriber.accept(event);
    }
    return event;
  }

  /**
   * Subscribes and returns, atomically with it, the buffered events after {@code afterId} (all
   * buffered ones for 0), so that nothing falls between the replay and the live events.
   */
  public synchronized List<LiveEvent> subscribe(long afterId, Consumer<LiveEvent> subscriber) {
    List<LiveEvent> missed = new ArrayList<>();
    for (LiveEvent event : buffer) {
      if (event.id() > afterId) {
        missed.add(event);
      }
    }
    subscribers.add(subscriber);
    return missed;
  }

  public void unsubscribe(Consumer<LiveEvent> subscriber) {
    subscribers.remove(subscriber);
  }

  /** The id of the newest event, 0 before the first. */
  public synchronized long lastId() {
    return lastId;
  }

  /** How many clients are subscribed. */
  public int subscriberCount() {
    return subscribers.size();
  }
}
