package io.jenkins.plugins.containercloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link ImageConvention}: the same tag rule as testbed/kube/stages. */
class ImageConventionTest {

  @ParameterizedTest
  @CsvSource({
    "registry/app:2-neverready, NEVER_READY",
    "127.0.0.1:5000/app:v2-neverready@sha256:abc, NEVER_READY",
    "registry/app:1-crashloop, CRASH_LOOP",
    "registry/app:1-crashloop@sha256:abc, CRASH_LOOP",
    "registry/app-neverready:1, READY",
    "127.0.0.1:5000/app-crashloop, READY",
    "registry/app:neverready, READY",
    "registry/app:1, READY",
  })
  void onlyTheTagDecides(String image, ImageConvention expected) {
    assertThat(ImageConvention.of(image)).isEqualTo(expected);
  }
}
