package hudson.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link FormValidation}: results read as Jenkins' do. */
class FormValidationTest {

  @Test
  void ok_hasNoMessage() {
    assertThat(FormValidation.ok().getMessage()).isNull();
    assertThat(FormValidation.ok()).hasToString("OK: <div/>");
  }

  @Test
  void messages_areEscapedAndTellTheirKind() {
    FormValidation error = FormValidation.error("Image <name> is required");

    assertThat(error.getMessage()).isEqualTo("Image &lt;name&gt; is required");
    assertThat(error).hasToString("ERROR: Image &lt;name&gt; is required");
    assertThat(FormValidation.warning("Tag 'latest'  moves"))
        .hasToString("WARNING: Tag &#039;latest&#039;&nbsp; moves");
    assertThat(FormValidation.ok("Found it")).hasToString("OK: Found it");
  }

  @Test
  void aNullMessage_isOk() {
    assertThat(FormValidation.error((String) null)).isSameAs(FormValidation.ok());
  }

  @Test
  void errorWithException_carriesTheStackTraceBehindDetails() {
    FormValidation error =
        FormValidation.error(new IllegalStateException("registry down"), "Cannot connect");

    assertThat(error.getMessage())
        .startsWith("Cannot connect </div><div><a href='#' class='showDetails'>(show details)</a>")
        .contains("java.lang.IllegalStateException: registry down");
  }
}
