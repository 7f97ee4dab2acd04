package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.containercloud.webhook.WebhookAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code JENKINS_URL/container-cloud-webhook/{source}/{hook}}: where registries and Git hosts post
 * deliveries. Unprotected (senders have no Jenkins login; the engine verifies each delivery with
 * the hook's secret) and exempt from the crumb ({@link WebhookCrumbExclusion}). It passes the
 * request to {@link WebhookRequests} and sends its answer back unchanged.
 */
@Extension
public final class WebhookRootAction implements UnprotectedRootAction {

  private final WebhookRequests requests = new WebhookRequests(WebhookHost.INSTANCE::intake);

  /** Not in any menu: only senders use this URL. */
  @Override
  public String getIconFileName() {
    return null;
  }

  @Override
  public String getDisplayName() {
    return null;
  }

  @Override
  public String getUrlName() {
    return WebhookPaths.URL_NAME;
  }

  /** Every path under the action: {@code /{source}/{hook}[/{secret}]}. */
  public void doDynamic(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
    WebhookAnswer answer;
    try (InputStream body = request.getInputStream()) {
      answer =
          requests.answer(request.getMethod(), request.getRestOfPath(), headers(request), body);
    }
    response.setStatus(answer.status());
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(answer.json().getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, List<String>> headers(StaplerRequest2 request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }
}
