package io.jenkins.plugins.containercloud.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link RegistryFailures}: the Docker daemon's and Jib's words (as they print them)
 * become one sentence with a fix, and never the raw text.
 */
class RegistryFailuresTest {

  private static RegistryException describe(String text) {
    return RegistryFailures.describe(
        "push of registry.example:5000/app:1",
        "registry.example:5000",
        "app",
        Optional.empty(),
        text);
  }

  @Test
  void aHostThatDoesNotResolve_saysToCheckTheName() {
    RegistryException e =
        describe(
            "Get \"https://registry.example:5000/v2/\": dial tcp: lookup registry.example on"
                + " 10.0.0.53:53: no such host");

    assertThat(e)
        .hasMessage(
            "the registry host of registry.example:5000 does not resolve (no such host) during"
                + " push of registry.example:5000/app:1: check the registry name in the image"
                + " reference");
    assertThat(e.isTransient()).isFalse();
  }

  @Test
  void plainHttpAndUntrustedCertificates_sayWhereToAllowOrTrustTheRegistry() {
    assertThat(
            describe(
                "Get \"https://registry.example:5000/v2/\": http: server gave HTTP response to"
                    + " HTTPS client"))
        .hasMessageContaining("serves plain HTTP, not HTTPS: list it in the Docker daemon's");
    assertThat(
            describe(
                "Get \"https://registry.example:5000/v2/\": tls: failed to verify certificate:"
                    + " x509: certificate signed by unknown authority"))
        .hasMessageContaining("TLS certificate is not trusted: install its CA certificate");
  }

  @Test
  void timeoutsAndBrokenConnections_areTransient_andSayWhatToCheck() {
    RegistryException timeout =
        describe("Put \"http://registry.example:5000/v2/app/blobs\": dial tcp: i/o timeout");
    RegistryException reset = describe("write tcp 127.0.0.1:4242: connection reset by peer");

    assertThat(timeout).hasMessageContaining("did not answer in time");
    assertThat(reset).hasMessageContaining("broke during push");
    assertThat(timeout.isTransient()).isTrue();
    assertThat(reset.isTransient()).isTrue();
  }

  @Test
  void serverErrorsAndThrottling_carryTheirStatus() {
    RegistryException unavailable =
        describe("received unexpected HTTP status: 503 Service Unavailable");
    RegistryException throttled = describe("toomanyrequests: 429 Too Many Requests");

    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable).hasMessageContaining("answered 503").hasMessageContaining("its logs");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled).hasMessageContaining("higher limit");
  }

  @Test
  void anUnknownFailure_keepsOnlyItsFirstLine_cutShort() {
    String longLine = "something new " + "x".repeat(400);

    RegistryException e = describe(longLine + "\n\tat some.Frame(Frame.java:1)");

    assertThat(e.getMessage())
        .startsWith("push of registry.example:5000/app:1 failed at registry registry.example:5000:")
        .doesNotContain("Frame")
        .hasSizeLessThan(260);
  }

  @Test
  void textOf_namesEachExceptionOfTheChain() {
    Exception chain =
        new RuntimeException("outer", new java.net.ConnectException("Connection refused"));

    assertThat(RegistryFailures.textOf(chain))
        .contains("RuntimeException: outer")
        .contains("ConnectException: Connection refused");
    assertThat(describe(RegistryFailures.textOf(chain)))
        .hasMessageContaining("refused the connection");
  }
}
