package io.jenkins.plugins.containercloud.plugin.webhooks;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets deliveries to {@code JENKINS_URL/container-cloud-webhook/...} through Jenkins' CSRF filter
 * without a crumb (senders have none; each delivery is verified by its hook's secret instead), and
 * nothing else: {@link WebhookPaths#exempt} decides.
 */
@Extension
public final class WebhookCrumbExclusion extends CrumbExclusion {

  @Override
  public boolean process(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!WebhookPaths.exempt(request.getPathInfo())) {
      return false;
    }
    chain.doFilter(request, response);
    return true;
  }
}
