package io.jenkins.plugins.containercloud.scale;

import io.jenkins.plugins.containercloud.history.HistoryStore;
import io.jenkins.plugins.containercloud.history.ScalingEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the autoscaler records its decisions and each machine's life: the history database, or
 * memory for the sandbox. Writes with an id already stored are ignored, so events with ids derived
 * from what they describe are recorded once however often a restart repeats them.
 */
public interface ScalingLog {

  void record(ScalingEvent event);

  /** The newest {@code limit} events of {@code cluster}, newest first. */
  List<ScalingEvent> recent(String cluster, int limit);

  /** Requested scale-ups of {@code cluster} with no recorded end (see HistoryStore). */
  List<ScalingEvent> unfinishedScaleUps(String cluster);

  /** Every event of {@code type} in {@code cluster}, oldest first. */
  List<ScalingEvent> ofType(String cluster, String type);

  /** A log in the history database. */
  static ScalingLog of(HistoryStore store) {
    return new ScalingLog() {
      @Override
      public void record(ScalingEvent event) {
        store.scalingEvent(event);
      }

      @Override
      public List<ScalingEvent> recent(String cluster, int limit) {
        return store.scalingEvents(cluster, limit);
      }

      @Override
      public List<ScalingEvent> unfinishedScaleUps(String cluster) {
        return store.unfinishedScaleUps(cluster);
      }

      @Override
      public List<ScalingEvent> ofType(String cluster, String type) {
        return store.scalingEventsOfType(cluster, type);
      }
    };
  }

  /** A log in memory, lost at exit: for the sandbox and tests. */
  static ScalingLog inMemory() {
    Map<String, ScalingEvent> events = new ConcurrentHashMap<>();
    return new ScalingLog() {
      @Override
      public void record(ScalingEvent event) {
        events.putIfAbsent(event.id(), event);
      }

      @Override
      public List<ScalingEvent> recent(String cluster, int limit) {
        return events.values().stream()
            .filter(e -> e.cluster().equals(cluster))
            .sorted(Comparator.comparing(ScalingEvent::occurredAt).reversed())
            .limit(limit)
            .toList();
      }

      @Override
      public List<ScalingEvent> unfinishedScaleUps(String cluster) {
        List<ScalingEvent> open = new ArrayList<>();
        for (ScalingEvent e : events.values()) {
          if (e.cluster().equals(cluster)
              && e.type().equals(ScalingEvents.SCALE_UP_REQUESTED)
              && events.values().stream()
                  .noneMatch(
                      f ->
                          e.requestKey().equals(f.requestKey())
                              && (f.type().equals(ScalingEvents.SCALE_UP_CREATED)
                                  || f.type().equals(ScalingEvents.SCALE_UP_FAILED)))) {
            open.add(e);
          }
        }
        open.sort(Comparator.comparing(ScalingEvent::occurredAt));
        return open;
      }

      @Override
      public List<ScalingEvent> ofType(String cluster, String type) {
        return events.values().stream()
            .filter(e -> e.cluster().equals(cluster) && e.type().equals(type))
            .sorted(Comparator.comparing(ScalingEvent::occurredAt))
            .toList();
      }
    };
  }
}
