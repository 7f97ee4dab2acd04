package io.jenkins.plugins.containercloud.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link RegistryReceiver}. */
class RegistryReceiverTest {

  private static final String AUTH = "Bearer reg-1c9d";
  private final RegistryReceiver receiver = new RegistryReceiver();
  private final HookSettings hook =
      HookSettings.of("registry", WebhookSource.REGISTRY, AUTH, null, List.of());

  @Test
  void verify_comparesTheEndpointsStaticHeader() throws Exception {
    byte[] body = Payloads.read("registry-v3-push.json");
    receiver.verify(hook, Payloads.headers("Authorization", AUTH), body, null, Instant.now());
    assertThatThrownBy(
            () ->
                receiver.verify(
                    hook, Payloads.headers("Authorization", "Bearer x"), body, null, Instant.now()))
        .isInstanceOf(DeliveryRefused.class);
    assertThatThrownBy(() -> receiver.verify(hook, Payloads.headers(), body, null, Instant.now()))
        .hasMessageContaining("Authorization is missing");
  }

  @Test
  void parse_v3Envelope_givesTheTaggedManifestPush() throws Exception {
    ParsedDelivery parsed =
        receiver.parse(json(RegistryReceiver.EVENTS_V2), Payloads.read("registry-v3-push.json"));
    assertThat(parsed.pushes())
        .containsExactly(
            new ImagePushed("registry.example.com:5000", "team/web", "1.4.0", Payloads.DIGEST));
    assertThat(parsed.dedupeKey()).isEqualTo("registry:5c3d8e3e-6d0e-4ad6-8f0a-1a2b3c4d5e6f,");
  }

  @Test
  void parse_v2Envelope_ignoresBlobsPullsAndUntaggedManifests() throws Exception {
    ParsedDelivery parsed =
        receiver.parse(
            json(RegistryReceiver.EVENTS_V1), Payloads.read("registry-v2-blob-and-pull.json"));
    assertThat(parsed.pushes()).isEmpty();
    assertThat(parsed.ignoredReason())
        .contains("push of a blob", "pull", "push of an untagged manifest");
  }

  @Test
  void parse_refusesAWrongContentType_andAnEnvelopeWithoutEvents() {
    assertThatThrownBy(
            () -> receiver.parse(json("text/plain"), Payloads.read("registry-v3-push.json")))
        .isInstanceOf(MalformedDelivery.class)
        .hasMessageContaining("events.v2+json");
    assertThatThrownBy(() -> receiver.parse(json(RegistryReceiver.EVENTS_V2), "{}".getBytes()))
        .hasMessageContaining("events");
  }

  private static WebhookHeaders json(String type) {
    return Payloads.headers("Content-Type", type);
  }
}
