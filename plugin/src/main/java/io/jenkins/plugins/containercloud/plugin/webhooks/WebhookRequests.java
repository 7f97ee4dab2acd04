package io.jenkins.plugins.containercloud.plugin.webhooks;

import io.jenkins.plugins.containercloud.webhook.WebhookAnswer;
import io.jenkins.plugins.containercloud.webhook.WebhookIntake;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The webhook endpoint inside Jenkins, Jenkins-free: a delivery's method, path, headers and unread
 * body go to the same {@link WebhookIntake} as {@code serve}'s {@code /hooks/...}, which verifies,
 * caps, stores and answers; this class only routes and never reads the body itself. Sender-made
 * input is never answered 5xx; 503 means the history or the configuration cannot take deliveries
 * now.
 */
public final class WebhookRequests {

  private static final Logger LOG = Logger.getLogger(WebhookRequests.class.getName());

  private final Supplier<WebhookIntake> intake;

  /**
   * @param intake the intake of the configuration in force; it throws while none can be made (the
   *     history cannot be opened, a hook's credentials are missing)
   */
  public WebhookRequests(Supplier<WebhookIntake> intake) {
    this.intake = intake;
  }

  /** The answer to one request under {@code /container-cloud-webhook}. */
  public WebhookAnswer answer(
      String method, String restOfPath, Map<String, List<String>> headers, InputStream body) {
    Optional<WebhookPaths.Route> route = WebhookPaths.route(restOfPath);
    if (route.isEmpty()
        || (route.get().pathSecret() != null && !"dockerhub".equals(route.get().source()))) {
      return answer(
          404, "unknown", "post deliveries to " + WebhookPaths.URL_NAME + "/{source}/{hook}");
    }
    if (!"POST".equals(method)) {
      return answer(405, "method", "hooks take POST; " + method + " is not a delivery");
    }
    WebhookPaths.Route r = route.get();
    WebhookIntake current;
    try {
      current = intake.get();
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Container Cloud: webhook deliveries cannot be taken now: {0}",
          e.getMessage());
      return answer(
          503, "unavailable", "this Jenkins cannot take webhook deliveries now; send again later");
    }
    try {
      return current.receive(r.source(), r.hook(), headers, body, r.pathSecret());
    } catch (RuntimeException e) {
      // The route, never the path: Docker Hub's secret is in it.
      LOG.log(Level.WARNING, "Container Cloud: a delivery to " + r + " failed", e);
      return answer(503, "unavailable", "the delivery could not be stored; send it again later");
    }
  }

  private static WebhookAnswer answer(int status, String outcome, String reason) {
    return WebhookAnswer.of(status, outcome, reason);
  }
}
