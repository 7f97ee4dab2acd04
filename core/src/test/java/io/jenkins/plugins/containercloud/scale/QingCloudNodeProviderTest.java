package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link QingCloudNodeProvider} against the testbed's QingCloud stand-in, which checks
 * every signature independently and answers as QingCloud does; its fault queue stands for
 * QingCloud's busy, capacity and quota answers. Each test uses a zone of its own.
 */
class QingCloudNodeProviderTest {

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String zone = "it" + run;
  private final String owner = "test-" + run;
  private final HttpClient http = HttpClient.newHttpClient();
  private QingCloudNodeProvider provider;

  @TempDir Path secrets;

  private Map<String, String> settings(String secretFile) {
    Map<String, String> s = new HashMap<>();
    s.put("endpoint", Testbed.require("TESTBED_QINGCLOUD_ENDPOINT"));
    s.put("zone", zone);
    s.put("accessKeyId", Testbed.require("TESTBED_QINGCLOUD_ACCESS_KEY_ID"));
    s.put("secretAccessKeyRef", "file:" + secretFile);
    s.put("loginKeypair", "kp-testbed");
    s.put("vxnet", "vxnet-0");
    s.put("throttleBackoff", "PT0.02S");
    s.put("pollInterval", "PT0.1S");
    return s;
  }

  private QingCloudNodeProvider connect(Map<String, String> settings, Clock clock) {
    return QingCloudNodeProvider.connect(new ProviderSettings("qingcloud", settings), owner, clock);
  }

  private QingCloudNodeProvider provider() {
    if (provider == null) {
      provider =
          connect(settings(Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE")), Clock.systemUTC());
    }
    return provider;
  }

  private NodePool pool() {
    return Pools.web(new ProviderSettings("qingcloud", settings("unused")), "c4m16", "img-testbed");
  }

  private CreateRequest request(int count) {
    return new CreateRequest(pool(), count, "web-" + UUID.randomUUID(), "#!/bin/sh\necho join\n");
  }

  /** Queues QingCloud's {@code retCode} for the next {@code times} calls of {@code action}. */
  private void fault(String action, int retCode, int times, boolean after) throws Exception {
    String endpoint = Testbed.require("TESTBED_QINGCLOUD_ENDPOINT");
    String body =
        "{\"zone\":\"%s\",\"action\":\"%s\",\"ret_code\":%d,\"times\":%d,\"after\":%b}"
            .formatted(zone, action, retCode, times, after);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(endpoint).resolve("/testbed/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  /** All instances of the zone, whoever made them, straight from the API. */
  private JsonNode instances(Map<String, String> filter) {
    QingCloudClient client =
        new QingCloudClient(
            URI.create(Testbed.require("TESTBED_QINGCLOUD_ENDPOINT")),
            zone,
            Testbed.require("TESTBED_QINGCLOUD_ACCESS_KEY_ID"),
            SecretRef.parse("secret", "file:" + Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE")),
            Duration.ofSeconds(10),
            Clock.systemUTC());
    return client.call("DescribeInstances", filter).path("instance_set");
  }

  @AfterEach
  void cleanUp() {
    if (provider != null) {
      await()
          .atMost(Duration.ofMinutes(1))
          .ignoreExceptions()
          .until(
              () -> {
                provider.listOwned("web").forEach(m -> provider.delete(m.id()));
                return provider.listOwned("web").stream().allMatch(Machine::terminating);
              });
    }
  }

  @Test
  void aWrongSecret_isRefusedWith1200_andTheErrorNamesKeyAndReferenceButNeverASecret()
      throws Exception {
    Path wrong = Files.writeString(secrets.resolve("wrong"), "not-the-secret-at-all");
    QingCloudNodeProvider refused = connect(settings(wrong.toString()), Clock.systemUTC());
    String secret =
        Files.readString(Path.of(Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE"))).trim();

    assertThatThrownBy(() -> refused.create(request(1)))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.code()).isEqualTo("QingCloud1200");
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
              assertThat(e.getMessage())
                  .contains("ret_code 1200", "signature", "file:" + wrong)
                  .contains(Testbed.require("TESTBED_QINGCLOUD_ACCESS_KEY_ID"))
                  .doesNotContain("not-the-secret-at-all")
                  .doesNotContain(secret);
            });
    assertThat(instances(Map.of())).isEmpty();
  }

  @Test
  void aRequestChangedAfterItWasSigned_isRefused_whileTheSameRequestUnchangedIsServed()
      throws Exception {
    Map<String, String> params = new java.util.TreeMap<>();
    params.put("action", "DescribeInstances");
    params.put("zone", zone);
    params.put("search_word", "a b");
    params.put("access_key_id", Testbed.require("TESTBED_QINGCLOUD_ACCESS_KEY_ID"));
    params.put("signature_method", "HmacSHA256");
    params.put("signature_version", "1");
    params.put(
        "time_stamp",
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.now()));
    String secret =
        Files.readString(Path.of(Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE"))).trim();
    String query = QingCloudSigner.signedQuery("GET", "/iaas/", params, secret);
    URI endpoint = URI.create(Testbed.require("TESTBED_QINGCLOUD_ENDPOINT"));

    assertThat(get(endpoint.resolve("/iaas/?" + query)).path("ret_code").asInt()).isZero();
    JsonNode refused =
        get(endpoint.resolve("/iaas/?" + query.replace("search_word=a%20b", "search_word=a%20c")));
    assertThat(refused.path("ret_code").asInt()).isEqualTo(1200);
    assertThat(refused.path("message").asText()).contains("signature");
  }

  private JsonNode get(URI uri) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body());
  }

  @Test
  void anUnknownAccessKey_andAStaleTimeStamp_areRefusedAsQingCloudDoes() {
    Map<String, String> unknown = settings(Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE"));
    unknown.put("accessKeyId", "QYUNKNOWNKEY0000000");
    assertThatThrownBy(() -> connect(unknown, Clock.systemUTC()).listOwned("web"))
        .isInstanceOfSatisfying(
            ProviderException.class, e -> assertThat(e.code()).isEqualTo("QingCloud1200"))
        .hasMessageContaining("QYUNKNOWNKEY0000000");

    Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5));
    assertThatThrownBy(
            () ->
                connect(settings(Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE")), late)
                    .listOwned("web"))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.code()).isEqualTo("QingCloud1300");
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID);
            })
        .hasMessageContaining("clock");
  }

  @Test
  void create_launchesWithUserDataAndMarks_andTheSameKeyAgainMakesNothingMore() throws Exception {
    CreateRequest request = request(2);

    List<Machine> made = provider().create(request);
    List<Machine> again = provider().create(request);

    assertThat(made).hasSize(2);
    assertThat(again).extracting(Machine::id).containsExactlyInAnyOrderElementsOf(ids(made));
    assertThat(made)
        .allSatisfy(
            m -> {
              assertThat(m.idempotencyKey()).isEqualTo(request.idempotencyKey());
              assertThat(m.providerId()).isEqualTo("qingcloud://" + zone + "/" + m.id());
            });
    JsonNode listed = instances(Map.of());
    assertThat(listed).hasSize(2);
    String mark = provider().mark("web");
    for (JsonNode i : listed) {
      assertThat(i.path("instance_name").asText()).isEqualTo(mark + "." + request.idempotencyKey());
      assertThat(i.path("tags").path(0).path("tag_name").asText()).isEqualTo(mark);
      String userData =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create(Testbed.require("TESTBED_QINGCLOUD_ENDPOINT"))
                              .resolve("/metadata/" + i.path("instance_id").asText() + "/userdata"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(userData).isEqualTo(request.userData());
    }
    assertThat(provider().listOwned("web")).extracting(Machine::id).hasSize(2);
    // Another owner's provider does not see them.
    QingCloudNodeProvider other =
        QingCloudNodeProvider.connect(
            new ProviderSettings(
                "qingcloud", settings(Testbed.require("TESTBED_QINGCLOUD_SECRET_FILE"))),
            "someone-else",
            Clock.systemUTC());
    assertThat(other.listOwned("web")).isEmpty();
  }

  @Test
  void aLaunchWhoseAnswerIsLost_isFoundByName_andNotOrderedTwice() throws Exception {
    // RunInstances is carried out, but its answer is "internal error": the provider retries.
    fault("RunInstances", 5000, 1, true);

    List<Machine> made = provider().create(request(3));

    assertThat(made).hasSize(3);
    assertThat(instances(Map.of())).hasSize(3);
  }

  @Test
  void instancesWhoseTaggingFailed_areStillListed_andTaggedThen() throws Exception {
    fault("AttachTags", 1400, 1, false);

    List<Machine> made = provider().create(request(1));

    assertThat(instances(Map.of()).path(0).path("tags")).isEmpty();
    assertThat(provider().listOwned("web")).extracting(Machine::id).isEqualTo(ids(made));
    assertThat(instances(Map.of()).path(0).path("tags").path(0).path("tag_name").asText())
        .isEqualTo(provider().mark("web"));
  }

  @Test
  void serverBusy_isRetriedWithBackoff() throws Exception {
    fault("RunInstances", 5100, 2, false);

    assertThat(provider().create(request(1))).hasSize(1);
  }

  @Test
  void capacityQuotaAndBalance_makeThePoolUnavailable_andNothingIsLaunched() throws Exception {
    for (int code : List.of(5200, 2500, 2400)) {
      fault("RunInstances", code, 1, false);
      assertThatThrownBy(() -> provider().create(request(1)))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> {
                assertThat(e.code()).isEqualTo("QingCloud" + code);
                assertThat(e.kind()).isEqualTo(ProviderException.Kind.CAPACITY);
              });
    }
    assertThat(instances(Map.of())).isEmpty();
  }

  @Test
  void terminating_aPendingInstanceIsRefused_andTriedAgainLater_thenItEnds() throws Exception {
    Machine m = provider().create(request(1)).get(0);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> provider().listOwned("web").get(0).state().equals("running"));
    fault("TerminateInstances", 1400, 1, false);

    assertThatThrownBy(() -> provider().delete(m.id()))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT));
    provider().delete(m.id());

    await().atMost(Duration.ofMinutes(1)).until(() -> provider().listOwned("web").isEmpty());
    assertThat(instances(Map.of("status.1", "terminated"))).hasSize(1);
    provider().delete(m.id()); // already gone: no error
  }

  private static List<String> ids(List<Machine> machines) {
    return machines.stream().map(Machine::id).toList();
  }
}
