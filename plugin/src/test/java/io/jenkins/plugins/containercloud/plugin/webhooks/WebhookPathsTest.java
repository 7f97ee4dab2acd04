package io.jenkins.plugins.containercloud.plugin.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests for {@link WebhookPaths} and the crumb exclusion that uses it. */
class WebhookPathsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/container-cloud-webhook/registry/main",
        "/container-cloud-webhook/dockerhub/hub/s3cret",
        "/container-cloud-webhook/github/gh"
      })
  void deliveriesToTheEndpoint_needNoCrumb(String path) throws Exception {
    assertThat(WebhookPaths.exempt(path)).isTrue();
    assertThat(exclusionLetsThrough(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/container-cloud/api/v1/rollouts",
        "/container-cloud-webhook",
        "/container-cloud-webhook/",
        "/container-cloud-webhooks/registry/main",
        "/container-cloud-webhookX/registry/main",
        "/job/x/build",
        "/container-cloud-webhook/../script",
        "/container-cloud-webhook/registry/../../script",
        "/container-cloud-webhook/./x",
        "/container-cloud-webhook/registry;x=1/main",
        "/container-cloud-webhook/%2e%2e/script",
        "/container-cloud-webhook//registry/main",
        "/x/container-cloud-webhook/registry/main",
        ""
      })
  void everythingElse_stillNeedsTheCrumb(String path) throws Exception {
    assertThat(WebhookPaths.exempt(path)).isFalse();
    assertThat(exclusionLetsThrough(path)).isFalse();
  }

  @Test
  void aNullPath_isNotExempt() throws Exception {
    assertThat(WebhookPaths.exempt(null)).isFalse();
    assertThat(exclusionLetsThrough(null)).isFalse();
  }

  @Test
  void routes_nameSourceHookAndDockerHubsSecret() {
    assertThat(WebhookPaths.route("/registry/main"))
        .contains(new WebhookPaths.Route("registry", "main", null));
    assertThat(WebhookPaths.route("/dockerhub/hub/s3cret"))
        .contains(new WebhookPaths.Route("dockerhub", "hub", "s3cret"));
    assertThat(WebhookPaths.route("/registry")).isEmpty();
    assertThat(WebhookPaths.route("/registry/")).isEmpty();
    assertThat(WebhookPaths.route("/a/b/c/d")).isEmpty();
    assertThat(WebhookPaths.route(null)).isEmpty();
  }

  @Test
  void aRoute_asLogsShowIt_hidesTheSecret() {
    assertThat(new WebhookPaths.Route("dockerhub", "hub", "s3cret").toString())
        .isEqualTo("/container-cloud-webhook/dockerhub/hub/<secret>")
        .doesNotContain("s3cret");
  }

  /** Whether the exclusion passes a request for {@code path} down the chain (and says so). */
  private static boolean exclusionLetsThrough(String path) throws Exception {
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                WebhookPathsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getPathInfo")) {
                    return path;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    AtomicInteger passed = new AtomicInteger();
    FilterChain chain = (req, rsp) -> passed.incrementAndGet();
    boolean processed =
        new WebhookCrumbExclusion().process(request, (HttpServletResponse) null, chain);
    assertThat(passed.get()).isEqualTo(processed ? 1 : 0);
    return processed;
  }
}
