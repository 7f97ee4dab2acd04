package io.jenkins.plugins.containercloud.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.testing.FaultInjectingProxy;
import io.jenkins.plugins.containercloud.testing.FaultInjectingProxy.Fault;
import io.jenkins.plugins.containercloud.testing.TestTokenIssuer;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link RegistryClient}, against the testbed's real registries. */
class RegistryClientTest {

  private static final RetryPolicy FAST_RETRY =
      new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50));

  @Test
  void headAndGet_agreeOnTheDigest_ofTheBaseImage() {
    ImageReference base = Testbed.baseImage();
    RegistryClient client = open(base.registry()).build();

    ManifestDescriptor head = client.headManifest(base.repository(), "latest");
    Manifest manifest = client.getManifest(base.repository(), "latest");

    assertThat(head.digest()).startsWith("sha256:").isEqualTo(manifest.descriptor().digest());
    assertThat(head.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(head.size()).isEqualTo(manifest.body().length);
    assertThat(RegistryClient.sha256(manifest.body())).isEqualTo(head.digest());
    assertThat(manifest.layerDigests()).isNotEmpty();
    assertThat(client.resolve(base)).hasToString(base + "@" + head.digest());
    assertThat(client.getManifest(base.repository(), head.digest()).descriptor().digest())
        .isEqualTo(head.digest());
  }

  @Test
  void blobExists_forLayersOfTheImage_andNotForOthers() {
    ImageReference base = Testbed.baseImage();
    RegistryClient client = open(base.registry()).build();
    String layer = client.getManifest(base.repository(), "latest").layerDigests().get(0);

    assertThat(client.blobExists(base.repository(), layer)).isTrue();
    assertThat(client.blobExists(base.repository(), "sha256:" + "0".repeat(64))).isFalse();
  }

  @Test
  void missingManifest_isA404_notRetried() {
    FaultInjectingProxy.Exchange[] seen;
    try (FaultInjectingProxy proxy = startProxy(Testbed.registry())) {
      RegistryClient client =
          RegistryClient.builder(RegistryAddress.of(proxy.address(), false))
              .retry(FAST_RETRY, n -> {})
              .build();

      assertThatThrownBy(() -> client.headManifest("testbed/busybox", "no-such-tag"))
          .isInstanceOf(RegistryException.class)
          .satisfies(e -> assertThat(((RegistryException) e).status()).isEqualTo(404));
      seen = proxy.exchanges().toArray(FaultInjectingProxy.Exchange[]::new);
    }
    assertThat(seen).hasSize(1);
  }

  @Test
  void listTags_readsEveryTagOfTheRepository() throws Exception {
    ImageReference base = Testbed.baseImage();
    Manifest manifest = open(base.registry()).build().getManifest(base.repository(), "latest");
    for (String tag : List.of("page-1", "page-2", "page-3")) {
      putManifest(base.registry(), base.repository(), tag, manifest);
    }

    List<String> tags = open(base.registry()).tagPageSize(2).build().listTags(base.repository());

    assertThat(tags).contains("latest", "page-1", "page-2", "page-3").doesNotHaveDuplicates();
  }

  /**
   * The testbed's registry (distribution 2.8) ignores {@code n} and answers in one page, so the OCI
   * pagination (a {@code Link} header naming the next page) is served here by a local endpoint.
   */
  @Test
  void listTags_followsLinkHeaders_acrossPages() throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 4);
    List<String> requested = new ArrayList<>();
    server.createContext(
        "/v2/",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          requested.add(query);
          String last = query.contains("last=") ? query.replaceAll(".*last=([^&]*).*", "$1") : "";
          String body;
          if (last.isEmpty()) {
            exchange
                .getResponseHeaders()
                .add("Link", "</v2/app/tags/list?n=2&last=b>; rel=\"next\"");
            body = "{\"name\":\"app\",\"tags\":[\"a\",\"b\"]}";
          } else if (last.equals("b")) {
            exchange
                .getResponseHeaders()
                .add("Link", "<http://127.0.0.1/v2/app/tags/list?n=2&last=d>; rel=\"next\"");
            body = "{\"name\":\"app\",\"tags\":[\"c\",\"d\"]}";
          } else {
            body = "{\"name\":\"app\",\"tags\":[\"e\"]}";
          }
          byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try {
      RegistryClient client =
          RegistryClient.builder(
                  RegistryAddress.of("127.0.0.1:" + server.getAddress().getPort(), false))
              .tagPageSize(2)
              .build();

      assertThat(client.listTags("app")).containsExactly("a", "b", "c", "d", "e");
      assertThat(requested).containsExactly("n=2", "n=2&last=b", "n=2&last=d");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void basicAuth_acceptsTheRightCredentials() {
    RegistryClient client =
        RegistryClient.builder(RegistryAddress.of(Testbed.authRegistry(), false))
            .credentials(CredentialSource.fixed(Testbed.authRegistryCredentials()))
            .build();

    client.ping();
    assertThat(client.listTags("testbed/busybox")).contains("latest");
  }

  @Test
  void basicAuth_refusesAWrongPassword_withoutRetry_andWithoutLeakingIt() {
    String password = "wrong-password-" + System.nanoTime();
    List<RetryPolicy.RetryNotice> retries = new ArrayList<>();
    RegistryClient client =
        RegistryClient.builder(RegistryAddress.of(Testbed.authRegistry(), false))
            .credentials(CredentialSource.fixed(RegistryCredentials.of("ci", password)))
            .retry(FAST_RETRY, retries::add)
            .build();

    assertThatThrownBy(() -> client.headManifest("testbed/busybox", "latest"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry "
                + Testbed.authRegistry()
                + " refused the credentials for user ci (401): check the user name and the password or token")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(password));
    assertThat(retries).isEmpty();
  }

  @Test
  void basicAuth_withoutCredentials_saysSo() {
    RegistryClient client = open(Testbed.authRegistry()).build();

    assertThatThrownBy(client::ping)
        .hasMessageContaining("requires credentials")
        .hasMessageContaining("(401): log in to it (docker login " + Testbed.authRegistry() + ")");
  }

  @Test
  void bearerAuth_fetchesATokenFromTheRealm_andUsesItPerScope() throws Exception {
    String registry = Testbed.require("TESTBED_TOKEN_REGISTRY");
    try (TestTokenIssuer issuer = TestTokenIssuer.start("ci", "token-password")) {
      RegistryClient client =
          RegistryClient.builder(RegistryAddress.of(registry, false))
              .credentials(CredentialSource.fixed(RegistryCredentials.of("ci", "token-password")))
              .build();

      client.ping();
      assertThat(client.blobExists("nothing/here", "sha256:" + "0".repeat(64))).isFalse();
      assertThat(client.blobExists("nothing/here", "sha256:" + "1".repeat(64))).isFalse();

      // One token for the API check, one for the repository scope, reused the second time.
      assertThat(issuer.issuedTokens()).isEqualTo(2);
    }
  }

  @Test
  void bearerAuth_refusedByTheTokenService_namesIt() throws Exception {
    String registry = Testbed.require("TESTBED_TOKEN_REGISTRY");
    try (TestTokenIssuer issuer = TestTokenIssuer.start("ci", "token-password")) {
      RegistryClient client =
          RegistryClient.builder(RegistryAddress.of(registry, false))
              .credentials(CredentialSource.fixed(RegistryCredentials.of("ci", "not-it")))
              .build();

      assertThatThrownBy(client::ping)
          .hasMessageContaining(
              "token service 127.0.0.1:" + Testbed.require("TESTBED_TOKEN_REALM_PORT"))
          .hasMessageContaining(
              "refused the credentials for user ci (401): check the user name and the password or token")
          .hasMessageNotContaining("not-it");
      assertThat(issuer.issuedTokens()).isZero();
    }
  }

  @Test
  void transientFailures_areRetried_untilTheRegistryAnswers() {
    ImageReference base = Testbed.baseImage();
    List<RetryPolicy.RetryNotice> retries = new ArrayList<>();
    try (FaultInjectingProxy proxy = startProxy(base.registry())) {
      proxy.inject(Fault.SERVICE_UNAVAILABLE, 2, r -> r.contains("/manifests/"));
      proxy.inject(Fault.DROP_CONNECTION, 1, r -> r.contains("/manifests/"));
      RegistryClient client =
          RegistryClient.builder(RegistryAddress.of(proxy.address(), false))
              .retry(FAST_RETRY, retries::add)
              .build();

      ManifestDescriptor descriptor = client.headManifest(base.repository(), "latest");

      assertThat(descriptor.digest()).startsWith("sha256:");
      assertThat(proxy.exchanges())
          .extracting(FaultInjectingProxy.Exchange::status)
          .containsExactly(503, 503, 0, 200);
      // The JDK client itself repeats an idempotent request once when the connection drops, so
      // only the two 503s are sure to reach this client's retries.
      assertThat(retries).hasSizeBetween(2, 3);
      assertThat(retries.get(0).describe()).contains("answered 503");
    }
  }

  @Test
  void transientFailures_giveUpAfterTheLastAttempt() {
    ImageReference base = Testbed.baseImage();
    try (FaultInjectingProxy proxy = startProxy(base.registry())) {
      proxy.inject(Fault.SERVICE_UNAVAILABLE, 10, r -> true);
      RegistryClient client =
          RegistryClient.builder(RegistryAddress.of(proxy.address(), false))
              .retry(FAST_RETRY, n -> {})
              .build();

      assertThatThrownBy(() -> client.headManifest(base.repository(), "latest"))
          .hasMessageContaining("answered 503");
      assertThat(proxy.exchanges()).hasSize(4);
    }
  }

  /** Tags a manifest the registry already has, as a push would. */
  private static void putManifest(String registry, String repository, String tag, Manifest manifest)
      throws Exception {
    java.net.http.HttpResponse<Void> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://" + registry + "/v2/" + repository + "/manifests/" + tag))
                    .header("Content-Type", manifest.descriptor().mediaType())
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(manifest.body()))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(201);
  }

  @Test
  void close_endsTheHttpClientsThread_soThatACommandsJvmExitsAtOnce() throws Exception {
    List<Thread> before = selectorThreads();
    RegistryClient client = open(Testbed.registry()).build();
    client.ping();
    // Other tests' clients are never closed: only this client's thread is watched.
    List<Thread> selectors = new ArrayList<>(selectorThreads());
    selectors.removeAll(before);
    assertThat(selectors).as("a used client has its selector thread").hasSize(1);

    client.close();

    for (Thread selector : selectors) {
      selector.join(Duration.ofSeconds(10));
    }
    assertThat(selectors).noneMatch(Thread::isAlive);
  }

  /** java.net.http's selector threads: each waits in a native call until its client stops. */
  private static List<Thread> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().endsWith("SelectorManager") && t.isAlive())
        .toList();
  }

  private static RegistryClient.Builder open(String registry) {
    return RegistryClient.builder(RegistryAddress.of(registry, false));
  }

  private static FaultInjectingProxy startProxy(String registry) {
    try {
      return FaultInjectingProxy.start(registry);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
