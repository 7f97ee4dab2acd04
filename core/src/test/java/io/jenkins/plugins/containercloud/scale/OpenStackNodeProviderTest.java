package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.containercloud.testing.OpenStackEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@link OpenStackNodeProvider}, against the testbed's OpenStack emulator (goose's
 * Keystone v3 and Nova doubles; new servers read BUILD for a second).
 */
class OpenStackNodeProviderTest {

  private final String owner = "test-" + UUID.randomUUID().toString().substring(0, 8);
  private final OpenStackEmulator emulator = new OpenStackEmulator();
  private ProviderSettings settings;
  private OpenStackNodeProvider provider;
  private NodePool pool;

  @TempDir Path dir;

  @BeforeEach
  void connect() {
    settings = new ProviderSettings("openstack", emulator.settings());
    provider = OpenStackNodeProvider.connect(settings, owner);
    NodePool base = Pools.pool("web", 4000, 8, 110, 10);
    pool =
        new NodePool(
            "web",
            base.cluster(),
            settings,
            new NodeTemplate(
                base.template().allocatable(), Map.of(), List.of(), "4", "ubuntu-24.04", "1"),
            0,
            10,
            10,
            null,
            0.5,
            null,
            base.bootstrap());
  }

  @AfterEach
  void cleanUp() {
    provider.listOwned("web").forEach(m -> provider.delete(m.id()));
    provider.close();
  }

  private CreateRequest request(int count, String key) {
    return new CreateRequest(pool, count, key, "#!/bin/sh\necho not-a-join-token-" + key + "\n");
  }

  private List<JsonNode> serversOf(String key) {
    return emulator.servers().stream()
        .filter(s -> key.equals(s.path("metadata").path(NodeProvider.REQUEST_TAG).asText()))
        .toList();
  }

  @Test
  void create_bootsServersWithUserDataMetadataFlavourImageAndNetwork_andWaitsOutBuild() {
    String key = UUID.randomUUID().toString();

    List<Machine> made = provider.create(request(2, key));

    // The emulator shows new servers in BUILD for a second: create waited for ACTIVE.
    assertThat(made)
        .hasSize(2)
        .allSatisfy(
            m -> {
              assertThat(m.state()).isEqualTo("active");
              assertThat(m.providerId()).isEqualTo("openstack:///" + m.id());
              assertThat(m.idempotencyKey()).isEqualTo(key);
              assertThat(m.createdAt()).isNotNull();
            });
    List<JsonNode> servers = serversOf(key);
    assertThat(servers).hasSize(2);
    String prefix = OpenStackNodeProvider.serverPrefix("web", key);
    assertThat(servers)
        .extracting(s -> s.path("name").asText())
        .containsExactlyInAnyOrder(prefix + "-0", prefix + "-1");
    JsonNode server = servers.get(0);
    assertThat(server.path("metadata").path(NodeProvider.POOL_TAG).asText()).isEqualTo("web");
    assertThat(server.path("metadata").path(NodeProvider.OWNER_TAG).asText()).isEqualTo(owner);
    assertThat(server.path("flavor").path("id").asText()).isEqualTo("4");
    assertThat(server.path("image").path("id").asText()).isEqualTo("ubuntu-24.04");
    String userData = server.path("OS-EXT-SRV-ATTR:user_data").asText();
    assertThat(new String(Base64.getDecoder().decode(userData), StandardCharsets.UTF_8))
        .isEqualTo(request(2, key).userData());
    assertThat(provider.listOwned("web"))
        .extracting(Machine::id)
        .containsExactlyInAnyOrderElementsOf(made.stream().map(Machine::id).toList());
  }

  @Test
  void sameKeyAgain_returnsTheSameServers_andBootsOnlyWhatIsMissing() {
    String key = UUID.randomUUID().toString();
    List<Machine> first = provider.create(request(1, key));

    List<Machine> again = provider.create(request(3, key));
    List<Machine> third = provider.create(request(3, key));

    assertThat(again).hasSize(3).extracting(Machine::id).contains(first.get(0).id());
    assertThat(third)
        .extracting(Machine::id)
        .containsExactlyInAnyOrderElementsOf(again.stream().map(Machine::id).toList());
    assertThat(serversOf(key)).hasSize(3);
  }

  /** Asserts that a create of one server for {@code key} fails as capacity with {@code code}. */
  private AbstractThrowableAssert<?, ? extends Throwable> assertCapacity(String key, String code) {
    return assertThatThrownBy(() -> provider.create(request(1, key)))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.CAPACITY);
              assertThat(e.code()).isEqualTo(code);
            });
  }

  @Test
  void aQuotaRefusal_isCapacity_andBootsNothing() {
    emulator.fault(
        owner,
        403,
        null,
        "Quota exceeded for instances: Requested 1, but already used 10 of 10 instances",
        1);
    String key = UUID.randomUUID().toString();

    assertCapacity(key, "QuotaExceeded")
        .hasMessageContaining("403")
        .hasMessageContaining("Quota exceeded for instances");
    assertThat(serversOf(key)).isEmpty();
  }

  @Test
  void aServerThatGoesError_withNoValidHost_isDeletedAndReportedAsCapacity() {
    emulator.fault(
        owner, 0, "ERROR", "No valid host was found. There are not enough hosts available.", 1);
    String key = UUID.randomUUID().toString();

    assertCapacity(key, "NoValidHost").hasMessageContaining("No valid host");
    assertThat(serversOf(key)).isEmpty();
    assertThat(provider.listOwned("web")).isEmpty();
  }

  @Test
  void a413_isCapacityWhenItSaysQuota_andOtherwiseARateLimitThatIsRetried() {
    emulator.fault(
        owner, 413, null, "Quota exceeded for cores: Requested 4, but already used 20 of 20", 1);
    assertCapacity(UUID.randomUUID().toString(), "QuotaExceeded");

    emulator.fault(owner, 413, null, "Retry limit exceeded", 1);
    String key = UUID.randomUUID().toString();

    assertThat(provider.create(request(1, key))).hasSize(1);
    assertThat(serversOf(key)).hasSize(1);
  }

  @Test
  void rateLimiting_isRetriedWithBackoff() {
    emulator.fault(owner, 429, null, "Rate limit exceeded", 2);
    String key = UUID.randomUUID().toString();

    List<Machine> made = provider.create(request(1, key));

    assertThat(made).hasSize(1);
    assertThat(serversOf(key)).hasSize(1);
  }

  @Test
  void anExpiredToken_isReplacedByAuthenticatingAgain() {
    List<Machine> made = provider.create(request(1, UUID.randomUUID().toString()));
    emulator.expireTokens();

    assertThat(provider.listOwned("web")).extracting(Machine::id).containsExactly(made.get(0).id());
  }

  @Test
  void aWrongPassword_isInvalid_andTheErrorNamesTheReferenceNotThePassword() throws Exception {
    Path wrong = Files.writeString(dir.resolve("password"), "not-the-password-x7");
    Map<String, String> s = new HashMap<>(settings.settings());
    s.put("passwordRef", "file:" + wrong);
    try (OpenStackNodeProvider p =
        OpenStackNodeProvider.connect(new ProviderSettings("openstack", s), owner)) {
      assertThatThrownBy(() -> p.listOwned("web"))
          .isInstanceOfSatisfying(
              ProviderException.class,
              e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID))
          .hasMessageContaining("file:" + wrong)
          .hasMessageNotContaining("not-the-password-x7");
    }
  }

  @Test
  void delete_endsTheServer_twiceWithoutError_andListOwnedNoLongerShowsIt() {
    List<Machine> made = provider.create(request(2, UUID.randomUUID().toString()));

    provider.delete(made.get(0).id());
    provider.delete(made.get(0).id());

    assertThat(provider.listOwned("web")).extracting(Machine::id).containsExactly(made.get(1).id());
  }

  @Test
  void userDataOverNovasLimit_isRefusedBeforeAnyCall() {
    // 49,152 raw bytes are 65,536 Base64 characters: one over Nova's limit.
    String tooLong = "x".repeat(49_152);

    assertThat(OpenStackNodeProvider.encodeUserData("x".repeat(49_149))).hasSize(65_532);
    assertThatThrownBy(() -> provider.create(new CreateRequest(pool, 1, "k-" + owner, tooLong)))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID))
        .hasMessageContaining("bootstrap.userData")
        .hasMessageContaining("65536");
    assertThat(serversOf("k-" + owner)).isEmpty();
  }

  @Test
  void check_namesTheMissingOrMalformedSetting() {
    assertThatThrownBy(
            () ->
                OpenStackNodeProvider.check(
                    new ProviderSettings("openstack", Map.of("username", "u"))))
        .hasMessageContaining("authUrl");
    assertThatThrownBy(
            () ->
                OpenStackNodeProvider.check(
                    new ProviderSettings(
                        "openstack",
                        Map.of("authUrl", "http://k/v3", "username", "u", "projectName", "p"))))
        .hasMessageContaining("the setting password is required");
    assertThatThrownBy(
            () ->
                OpenStackNodeProvider.check(
                    new ProviderSettings(
                        "openstack",
                        Map.of("authUrl", "http://k/v3", "username", "u", "passwordRef", "p"))))
        .hasMessageContaining("passwordRef")
        .hasMessageContaining("env:VARIABLE or file:PATH");
    assertThatThrownBy(
            () ->
                OpenStackNodeProvider.check(
                    new ProviderSettings(
                        "openstack",
                        Map.of(
                            "authUrl",
                            "http://k/v3",
                            "username",
                            "u",
                            "passwordRef",
                            "env:OS_PASSWORD"))))
        .hasMessageContaining("projectName");
  }
}
