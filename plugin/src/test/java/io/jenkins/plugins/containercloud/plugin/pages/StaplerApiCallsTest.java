package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.api.ApiException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.StaplerRequest2;

/** Tests for {@link StaplerApiCalls}: what a Stapler request becomes. */
class StaplerApiCallsTest {

  /** A request answering only what the adapter reads (StaplerRequest2 is an interface). */
  private static StaplerRequest2 request(
      String method, String restOfPath, Map<String, String> parameters, String body) {
    return (StaplerRequest2)
        Proxy.newProxyInstance(
            StaplerRequest2.class.getClassLoader(),
            new Class<?>[] {StaplerRequest2.class},
            (proxy, m, args) ->
                switch (m.getName()) {
                  case "getRestOfPath" -> restOfPath;
                  case "getMethod" -> method;
                  case "getParameter" -> parameters.get((String) args[0]);
                  case "getContentType" -> "application/json";
                  case "getHeader" -> "If-None-Match".equals(args[0]) ? "\"abc\"" : null;
                  case "getInputStream" -> stream(body);
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }

  private static ServletInputStream stream(String body) {
    ByteArrayInputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void readsThePathUnderV1_theKnownParameters_andTheValidator() throws Exception {
    ApiCall call =
        StaplerApiCalls.read(
            request("GET", "/v1/clusters/prod/pods", Map.of("namespace", "shop", "x", "y"), ""),
            "alice",
            EnumSet.of(DashboardPermission.VIEW),
            false);

    assertThat(call.path()).containsExactly("clusters", "prod", "pods");
    assertThat(call.query()).containsExactly(Map.entry("namespace", "shop"));
    assertThat(call.ifNoneMatch()).isEqualTo("\"abc\"");
    assertThat(call.body()).isEmpty();
  }

  @Test
  void readsAPostsBody() throws Exception {
    ApiCall call =
        StaplerApiCalls.read(
            request("POST", "/v1/rollouts", Map.of(), "{\"cluster\":\"prod\"}"),
            "alice",
            EnumSet.allOf(DashboardPermission.class),
            true);

    assertThat(new String(call.body(), StandardCharsets.UTF_8)).isEqualTo("{\"cluster\":\"prod\"}");
    assertThat(call.administer()).isTrue();
  }

  @Test
  void refusesPathsOutsideV1() {
    assertThatThrownBy(
            () ->
                StaplerApiCalls.read(
                    request("GET", "/v2/clusters", Map.of(), ""),
                    "alice",
                    EnumSet.noneOf(DashboardPermission.class),
                    false))
        .isInstanceOf(ApiException.class)
        .hasMessage("the API is under api/v1/");
  }
}
