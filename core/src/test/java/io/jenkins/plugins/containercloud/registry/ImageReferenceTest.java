package io.jenkins.plugins.containercloud.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link ImageReference}. */
class ImageReferenceTest {

  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "nginx, docker.io/library/nginx:latest",
    "nginx:1.27, docker.io/library/nginx:1.27",
    "team/app, docker.io/team/app:latest",
    "index.docker.io/team/app:2, docker.io/team/app:2",
    "docker.io/nginx, docker.io/library/nginx:latest",
    "localhost/app, localhost/app:latest",
    "localhost:5000/app:v1, localhost:5000/app:v1",
    "127.0.0.1:5000/team/sub/app:1.0-rc_1, 127.0.0.1:5000/team/sub/app:1.0-rc_1",
    "ghcr.io/org/app, ghcr.io/org/app:latest",
    "[::1]:5000/app:x, [::1]:5000/app:x",
    "MyRegistry/app, MyRegistry/app:latest",
    "registry.example.com/a__b/c-d.e/f---g:TAG, registry.example.com/a__b/c-d.e/f---g:TAG",
  })
  void parse_normalisesLikeDocker(String input, String normalised) {
    assertThat(ImageReference.parse(input)).hasToString(normalised);
  }

  @Test
  void parse_keepsTagAndDigest() {
    ImageReference reference = ImageReference.parse("127.0.0.1:5000/app:1@" + DIGEST);

    assertThat(reference.registry()).isEqualTo("127.0.0.1:5000");
    assertThat(reference.repository()).isEqualTo("app");
    assertThat(reference.tag()).contains("1");
    assertThat(reference.digest()).contains(DIGEST);
    assertThat(reference.manifestReference()).isEqualTo(DIGEST);
    assertThat(reference.pinned()).hasToString("127.0.0.1:5000/app@" + DIGEST);
  }

  @Test
  void parse_digestOnlyHasNoDefaultTag() {
    ImageReference reference = ImageReference.parse("app@" + DIGEST);

    assertThat(reference.tag()).isEmpty();
    assertThat(reference).hasToString("docker.io/library/app@" + DIGEST);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''| it is empty",
        "' nginx'| whitespace",
        "team/App| repository \"team/App\" must be lowercase (try \"team/app\")",
        "127.0.0.1:5000/Team/app| repository \"Team/app\" must be lowercase",
        "app:-bad| tag \"-bad\" is invalid",
        "app:has space| tag \"has space\" is invalid",
        "app:.dot| tag \".dot\" is invalid",
        "app@sha256:abc| must have exactly 64 lowercase hex digits after sha256: (it has 3 characters)",
        "app@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef| 64 lowercase hex digits",
        "app@nocolon| must be written algorithm:hex",
        "team//app| repository path component \"\" is invalid",
        "team/app-| repository path component \"app-\" is invalid",
        "team/_app| repository path component \"_app\" is invalid",
        "-host.com/app| registry host \"-host.com\" is not a valid host name",
        "host.com:99999/app| registry port \"99999\" is not a number between 1 and 65535",
        "host.com:port/app| registry port \"port\" is not a number",
        "localhost:0/app| registry port \"0\"",
        ":tag| the repository name is missing",
      })
  void parse_rejectsBadReferences_namingThePart(String input, String message) {
    assertThatThrownBy(() -> ImageReference.parse(input))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessageStartingWith("invalid image reference \"" + input + "\"")
        .hasMessageContaining(message);
  }

  @Test
  void parse_rejectsTooLongNames() {
    String name = "a".repeat(256);

    assertThatThrownBy(() -> ImageReference.parse(name))
        .hasMessageContaining("longer than 255 characters");
  }

  @Test
  void parse_rejectsTooLongTags() {
    assertThatThrownBy(() -> ImageReference.parse("app:" + "t".repeat(129)))
        .hasMessageContaining("at most 128");
  }

  @Test
  void withTagAndDigest_validateTheirInput() {
    ImageReference reference = ImageReference.parse("127.0.0.1:5000/app:1");

    assertThat(reference.withTag("2")).hasToString("127.0.0.1:5000/app:2");
    assertThat(reference.withDigest(DIGEST)).hasToString("127.0.0.1:5000/app:1@" + DIGEST);
    assertThatThrownBy(() -> reference.withTag("bad tag")).hasMessageContaining("tag \"bad tag\"");
    assertThatThrownBy(() -> reference.withDigest("sha256:1")).hasMessageContaining("64");
  }

  @Test
  void pinned_requiresADigest() {
    assertThatThrownBy(() -> ImageReference.parse("app:1").pinned())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not pinned");
  }

  @Test
  void isLoopbackRegistry_onlyForLoopbackHosts() {
    assertThat(ImageReference.parse("127.0.0.1:5000/app").isLoopbackRegistry()).isTrue();
    assertThat(ImageReference.parse("127.9.9.9/app").isLoopbackRegistry()).isTrue();
    assertThat(ImageReference.parse("localhost:5000/app").isLoopbackRegistry()).isTrue();
    assertThat(ImageReference.parse("[::1]:5000/app").isLoopbackRegistry()).isTrue();
    assertThat(ImageReference.parse("registry.example.com/app").isLoopbackRegistry()).isFalse();
    assertThat(ImageReference.parse("nginx").isLoopbackRegistry()).isFalse();
  }

  @Test
  void equality_followsTheNormalisedForm() {
    assertThat(ImageReference.parse("nginx"))
        .isEqualTo(ImageReference.parse("docker.io/library/nginx:latest"));
    assertThat(ImageReference.parse("nginx").hashCode())
        .isEqualTo(ImageReference.parse("docker.io/library/nginx:latest").hashCode());
  }
}
