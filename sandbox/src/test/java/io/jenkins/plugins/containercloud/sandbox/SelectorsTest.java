package io.jenkins.plugins.containercloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests for {@link Selectors}. */
class SelectorsTest {

  private static final JsonNode POD =
      Json.parse(
          "{\"metadata\":{\"name\":\"p\",\"labels\":{\"app\":\"web\",\"track\":\"canary\"}},"
              + "\"spec\":{\"nodeName\":\"n1\"},\"status\":{\"phase\":\"Running\"}}");

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "app=web; true",
        "app==web,track!=stable; true",
        "app in (web, api),track notin (stable); true",
        "track in (stable); false",
        "app,!tier; true",
        "!app; false",
        "; true",
      })
  void labelSelectors(String selector, boolean selected) {
    assertThat(Selectors.labels(selector).test(POD)).isEqualTo(selected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "spec.nodeName=n1; true",
        "spec.nodeName=n2; false",
        "status.phase!=Succeeded,metadata.name=p; true",
        "spec.nodeName=; false",
      })
  void fieldSelectors(String selector, boolean selected) {
    assertThat(Selectors.fields(selector).test(POD)).isEqualTo(selected);
  }
}
