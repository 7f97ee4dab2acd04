package io.jenkins.plugins.containercloud.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jenkins.plugins.containercloud.history.HistoryException;
import io.jenkins.plugins.containercloud.history.WebhookDelivery;
import io.jenkins.plugins.containercloud.history.WebhookHistory;
import io.jenkins.plugins.containercloud.history.WebhookTriggerRow;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook engine's front door, the same in every host: reads a delivery's body once under a
 * cap, verifies it over those raw bytes, parses it, works out what it triggers, and commits it to
 * the history before answering. Hosts pass the request in and send the {@link WebhookAnswer} back
 * unchanged; they never read the body themselves.
 */
public final class WebhookIntake implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

  private final Map<String, HookSettings> hooks = new LinkedHashMap<>();
  private final Map<String, RateLimiter> limits = new LinkedHashMap<>();
  private final WebhookHistory history;
  private final Clock clock;
  private final Runnable accepted;
  private final ReplayGuard replays = new ReplayGuard();
  private final DeliveryBatcher batcher;

  /**
   * @param accepted called after each accepted delivery is stored (wakes the processor)
   */
  public WebhookIntake(
      List<HookSettings> hooks, WebhookHistory history, Clock clock, Runnable accepted) {
    for (HookSettings hook : hooks) {
      if (this.hooks.put(hook.name(), hook) != null) {
        throw new IllegalArgumentException("two hooks are named " + hook.name());
      }
      limits.put(hook.name(), new RateLimiter(hook.ratePerSecond(), System.nanoTime()));
    }
    this.history = history;
    this.clock = clock;
    this.accepted = accepted;
    this.batcher = new DeliveryBatcher(history);
  }

  /** Stops the writer; deliveries still waiting are answered 503. */
  @Override
  public void close() {
    batcher.close();
  }

  /** The configured hooks. */
  public List<HookSettings> hooks() {
    return List.copyOf(hooks.values());
  }

  /**
   * Receives one delivery to {@code /hooks/{source}/{hook}[/{pathSecret}]}.
   *
   * @param headers the request's headers, any case
   * @param body the request's body, not yet read by anyone
   */
  public WebhookAnswer receive(
      String source,
      String hook,
      Map<String, ? extends List<String>> headers,
      InputStream body,
      String pathSecret) {
    HookSettings settings = hooks.get(hook);
    if (settings == null || !settings.source().id().equals(source)) {
      return WebhookAnswer.of(
          404,
          "unknown",
          "no hook /hooks/" + source + "/" + hook + " is configured on this server");
    }
    if (!limits.get(hook).tryAcquire(System.nanoTime())) {
      return WebhookAnswer.of(
          429, "limited", "hook " + hook + " takes at most " + settings.ratePerSecond() + "/s");
    }
    byte[] bytes;
    try {
      bytes = BodyReader.read(body, settings.maxBodyBytes());
    } catch (BodyReader.TooLarge e) {
      return WebhookAnswer.of(
          413, "too-large", "the body is over " + settings.maxBodyBytes() + " bytes");
    } catch (IOException e) {
      return WebhookAnswer.of(400, "malformed", "the body could not be read");
    }
    return receive(settings, WebhookHeaders.of(headers), bytes, pathSecret);
  }

  private WebhookAnswer receive(
      HookSettings hook, WebhookHeaders headers, byte[] body, String pathSecret) {
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    Outcome outcome = evaluate(hook, headers, body, pathSecret, now, replays);
    WebhookDelivery delivery =
        new WebhookDelivery(
            id,
            hook.source().id(),
            hook.name(),
            outcome.parsed == null || outcome.answer.status() >= 400
                ? null
                : outcome.parsed.dedupeKey(),
            outcome.parsed == null ? null : outcome.parsed.event(),
            now,
            "sha256:" + Signatures.sha256Hex(body),
            body.length,
            outcome.answer.status() == 401 ? "REFUSED" : "VERIFIED",
            outcome.status,
            outcome.answer.body().path("reason").asText(null),
            DeliveryJson.headers(outcome.parsed == null ? Map.of() : outcome.parsed.headers()),
            DeliveryJson.pushes(outcome.parsed == null ? List.of() : outcome.parsed.pushes()),
            null);
    return store(delivery, outcome);
  }

  /** Stores the delivery and its triggers, then answers; a duplicate stores nothing. */
  private WebhookAnswer store(WebhookDelivery delivery, Outcome outcome) {
    List<WebhookTriggerRow> rows = rows(delivery, outcome.triggers);
    try {
      Optional<String> existing = batcher.store(new WebhookHistory.Insert(delivery, rows));
      if (existing.isPresent()) {
        WebhookAnswer answer =
            WebhookAnswer.of(
                200, "duplicate", "this delivery was received before; nothing runs again");
        answer.body().put("delivery", existing.get());
        return answer;
      }
    } catch (HistoryException | IllegalArgumentException e) {
      LOG.warn("webhook delivery {} could not be stored: {}", delivery.id(), e.getMessage());
      if (outcome.answer.status() >= 400) {
        return outcome.answer; // refusing does not depend on the history
      }
      return WebhookAnswer.of(
          503, "unavailable", "the history cannot store the delivery now; send it again later");
    }
    outcome.answer.body().put("delivery", delivery.id());
    if (!rows.isEmpty()) {
      accepted.run();
    }
    return outcome.answer;
  }

  /**
   * Stores a new delivery that replays the pushes of a stored, verified one under the rules as they
   * are now (the dashboard's Redeliver button).
   *
   * @throws IllegalArgumentException when there is no such delivery or it was refused
   */
  public WebhookAnswer redeliver(String deliveryId) {
    WebhookDelivery original =
        history
            .find(deliveryId)
            .orElseThrow(() -> new IllegalArgumentException("no webhook delivery " + deliveryId));
    if (!original.verification().equals("VERIFIED")) {
      throw new IllegalArgumentException(
          "delivery " + deliveryId + " was refused; only verified deliveries can be redelivered");
    }
    HookSettings hook = hooks.get(original.hook());
    if (hook == null) {
      throw new IllegalArgumentException(
          "hook " + original.hook() + " of delivery " + deliveryId + " is no longer configured");
    }
    List<PushEvent> pushes = DeliveryJson.pushes(original.eventsJson());
    ParsedDelivery parsed =
        ParsedDelivery.pushes(original.event(), null, pushes, Map.of("redelivery-of", deliveryId));
    Outcome outcome = decide(hook, parsed);
    WebhookDelivery delivery =
        new WebhookDelivery(
            UUID.randomUUID().toString(),
            original.source(),
            original.hook(),
            null,
            original.event(),
            clock.instant(),
            original.bodySha256(),
            original.bodySize(),
            "VERIFIED",
            outcome.status,
            outcome.answer.body().path("reason").asText(null),
            original.headersJson(),
            original.eventsJson(),
            deliveryId);
    return store(delivery, outcome);
  }

  /**
   * Verifies, parses and plans a delivery without storing it: what {@code container-cloud webhook
   * test} prints.
   */
  public static WebhookAnswer dryRun(
      HookSettings hook, WebhookHeaders headers, byte[] body, String pathSecret, Clock clock) {
    if (body.length > hook.maxBodyBytes()) {
      return WebhookAnswer.of(
          413, "too-large", "the body is over " + hook.maxBodyBytes() + " bytes");
    }
    Outcome outcome = evaluate(hook, headers, body, pathSecret, clock.instant(), new ReplayGuard());
    if (outcome.parsed != null) {
      // What the delivery said, for the user checking a hook by hand.
      outcome.answer.body().set("pushes", Json.parse(DeliveryJson.pushes(outcome.parsed.pushes())));
      if (outcome.parsed.dedupeKey() != null) {
        outcome.answer.body().put("dedupeKey", outcome.parsed.dedupeKey());
      }
    }
    return outcome.answer;
  }

  private static Outcome evaluate(
      HookSettings hook,
      WebhookHeaders headers,
      byte[] body,
      String pathSecret,
      Instant now,
      ReplayGuard replays) {
    Receiver receiver = Receiver.of(hook.source(), replays);
    try {
      receiver.verify(hook, headers, body, pathSecret, now);
    } catch (DeliveryRefused e) {
      return new Outcome(
          WebhookAnswer.of(401, "refused", e.getMessage()), "REFUSED", null, List.of());
    }
    ParsedDelivery parsed;
    try {
      parsed = receiver.parse(headers, body);
    } catch (MalformedDelivery e) {
      return new Outcome(
          WebhookAnswer.of(400, "malformed", e.getMessage()), "IGNORED", null, List.of());
    } catch (RuntimeException e) {
      // A parser bug must not become a 5xx the sender would retry forever.
      LOG.warn("a {} delivery could not be parsed", hook.source().id(), e);
      return new Outcome(
          WebhookAnswer.of(400, "malformed", "the body could not be read"),
          "IGNORED",
          null,
          List.of());
    }
    return decide(hook, parsed);
  }

  private static Outcome decide(HookSettings hook, ParsedDelivery parsed) {
    if (parsed.ignoredReason() != null) {
      return new Outcome(
          WebhookAnswer.of(200, "ignored", parsed.ignoredReason()), "IGNORED", parsed, List.of());
    }
    List<PlannedTrigger> triggers;
    try {
      triggers = PlannedTrigger.plan(hook, parsed.pushes());
    } catch (IllegalArgumentException e) {
      // A build rule matched a code push it cannot build (say, a clone URL that is not a network
      // address): answered 2xx so that the sender does not retry what will never change.
      return new Outcome(
          WebhookAnswer.of(200, "ignored", "cannot build this push: " + e.getMessage()),
          "IGNORED",
          parsed,
          List.of());
    }
    if (triggers.isEmpty()) {
      return new Outcome(
          WebhookAnswer.of(
              200,
              "ignored",
              "no trigger rule of hook " + hook.name() + " matches " + describe(parsed.pushes())),
          "IGNORED",
          parsed,
          List.of());
    }
    WebhookAnswer answer = WebhookAnswer.of(202, "accepted", null);
    ArrayNode list = answer.body().putArray("triggers");
    for (PlannedTrigger t : triggers) {
      list.addObject()
          .put("rule", t.rule().name())
          .put("workload", t.workload())
          .put("image", t.image());
    }
    return new Outcome(answer, "ACCEPTED", parsed, triggers);
  }

  private static String describe(List<PushEvent> pushes) {
    List<String> names = new ArrayList<>();
    for (PushEvent push : pushes) {
      names.add(
          switch (push) {
            case ImagePushed i ->
                i.repository() + (i.tag() == null ? " (untagged)" : ":" + i.tag());
            case CodePushed c -> c.repository() + " " + c.ref() + " (a code push)";
          });
    }
    return names.isEmpty() ? "nothing" : String.join(", ", names);
  }

  private List<WebhookTriggerRow> rows(WebhookDelivery delivery, List<PlannedTrigger> triggers) {
    List<WebhookTriggerRow> rows = new ArrayList<>();
    for (int i = 0; i < triggers.size(); i++) {
      rows.add(triggers.get(i).row(delivery.id(), i + 1, delivery.receivedAt()));
    }
    return rows;
  }

  /** The answer to a delivery, the status to record, what it said, and what it triggers. */
  private record Outcome(
      WebhookAnswer answer, String status, ParsedDelivery parsed, List<PlannedTrigger> triggers) {}
}
