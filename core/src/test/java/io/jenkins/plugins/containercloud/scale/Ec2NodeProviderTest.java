package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.containercloud.testing.Ec2FaultProxy;
import io.jenkins.plugins.containercloud.testing.Testbed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Tests for {@link Ec2NodeProvider}, against moto's EC2 server behind {@link Ec2FaultProxy}. */
class Ec2NodeProviderTest {

  private final String owner = "test-" + UUID.randomUUID().toString().substring(0, 8);
  private Ec2FaultProxy proxy;
  private Ec2NodeProvider provider;
  private Ec2Client direct;
  private NodePool pool;

  @TempDir Path secrets;

  @BeforeEach
  void start() throws Exception {
    // moto takes any credentials; these stand for the ones a user keeps in files.
    Files.writeString(secrets.resolve("key-id"), "test");
    Files.writeString(secrets.resolve("secret"), "test");
    String moto = Testbed.require("TESTBED_EC2_ENDPOINT");
    proxy = Ec2FaultProxy.start(moto);
    Map<String, String> settings = new HashMap<>();
    settings.put("endpoint", proxy.endpoint());
    settings.put("region", "us-east-1");
    settings.put("accessKeyIdRef", "file:" + secrets.resolve("key-id"));
    settings.put("secretAccessKeyRef", "file:" + secrets.resolve("secret"));
    settings.put("throttleBackoff", "PT0.02S");
    settings.put("socketTimeout", "PT2S");
    ProviderSettings ec2 = new ProviderSettings("ec2", settings);
    provider = Ec2NodeProvider.connect(ec2, owner);
    pool = Pools.web(ec2, "m5.xlarge", "ami-12c6146b");
    direct =
        Ec2Client.builder()
            .endpointOverride(URI.create(moto))
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
  }

  @AfterEach
  void stop() {
    provider.listOwned("web").forEach(m -> provider.delete(m.id()));
    provider.close();
    direct.close();
    proxy.close();
  }

  private CreateRequest request(int count, String key) {
    return new CreateRequest(pool, count, key, "#!/bin/sh\necho not-a-join-token-" + key + "\n");
  }

  @Test
  void create_tagsInstancesAndSendsTheUserDataBase64Encoded() {
    String key = UUID.randomUUID().toString();

    List<Machine> made = provider.create(request(3, key));

    assertThat(made)
        .hasSize(3)
        .allSatisfy(
            m -> {
              assertThat(m.providerId()).startsWith("aws:///us-east-1").endsWith("/" + m.id());
              assertThat(m.idempotencyKey()).isEqualTo(key);
            });
    Instance instance =
        direct
            .describeInstances(b -> b.instanceIds(made.get(0).id()))
            .reservations()
            .get(0)
            .instances()
            .get(0);
    Map<String, String> tags =
        instance.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    assertThat(tags)
        .containsEntry(NodeProvider.POOL_TAG, "web")
        .containsEntry(NodeProvider.OWNER_TAG, owner)
        .containsEntry(NodeProvider.REQUEST_TAG, key);
    assertThat(instance.instanceTypeAsString()).isEqualTo("m5.xlarge");
    String userData =
        direct
            .describeInstanceAttribute(
                b -> b.instanceId(made.get(0).id()).attribute(InstanceAttributeName.USER_DATA))
            .userData()
            .value();
    assertThat(new String(Base64.getDecoder().decode(userData), StandardCharsets.UTF_8))
        .isEqualTo(request(3, key).userData());
    assertThat(provider.listOwned("web"))
        .extracting(Machine::id)
        .containsExactlyInAnyOrderElementsOf(made.stream().map(Machine::id).toList());
  }

  @Test
  void sameKeyAgain_returnsTheSameInstancesAndOrdersNothing() {
    String key = UUID.randomUUID().toString();
    List<Machine> first = provider.create(request(2, key));

    List<Machine> again = provider.create(request(2, key));

    assertThat(again)
        .extracting(Machine::id)
        .containsExactlyInAnyOrderElementsOf(first.stream().map(Machine::id).toList());
    assertThat(proxy.runInstancesForwarded()).isEqualTo(1);
    assertThat(provider.listOwned("web")).hasSize(2);
  }

  @Test
  void aTimedOutRunInstances_retriedWithTheSameToken_makesNoDuplicate() {
    String key = UUID.randomUUID().toString();
    proxy.delay("RunInstances", 4000);

    List<Machine> made = provider.create(request(2, key));

    assertThat(made).hasSize(2);
    assertThat(provider.listOwned("web")).hasSize(2);
    assertThat(proxy.runInstancesForwarded()).isEqualTo(1);
  }

  @Test
  void requestLimitExceeded_isRetriedWithBackoff() {
    proxy.fail("RunInstances", "RequestLimitExceeded", 503, 2);

    List<Machine> made = provider.create(request(1, UUID.randomUUID().toString()));

    assertThat(made).hasSize(1);
    assertThat(proxy.actions().stream().filter("RunInstances"::equals).count()).isEqualTo(3);
  }

  @Test
  void capacityErrors_areReportedAsCapacity() {
    proxy.fail("RunInstances", "InsufficientInstanceCapacity", 500, 1);

    assertThatThrownBy(() -> provider.create(request(1, UUID.randomUUID().toString())))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.CAPACITY);
              assertThat(e.code()).isEqualTo("InsufficientInstanceCapacity");
            });
    assertThat(provider.listOwned("web")).isEmpty();
  }

  @Test
  void userDataOver16KiBRaw_isRefusedBeforeAnyCall() {
    String limit = "x".repeat(Ec2NodeProvider.USER_DATA_LIMIT);

    assertThat(Ec2NodeProvider.encodeUserData(limit)).hasSize(21848);
    assertThatThrownBy(() -> provider.create(new CreateRequest(pool, 1, "k-" + owner, limit + "y")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID))
        .hasMessageContaining("bootstrap.userData")
        .hasMessageContaining("16385 bytes");
    assertThat(proxy.actions()).isEmpty();
  }

  @Test
  void delete_endsTheInstance_andListOwnedNoLongerShowsIt() {
    List<Machine> made = provider.create(request(2, UUID.randomUUID().toString()));

    provider.delete(made.get(0).id());
    provider.delete(made.get(0).id());

    assertThat(provider.listOwned("web")).extracting(Machine::id).containsExactly(made.get(1).id());
  }
}
