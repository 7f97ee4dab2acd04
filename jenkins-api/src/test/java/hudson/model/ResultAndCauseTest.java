package hudson.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link Result}, {@link Cause.RemoteCause} and {@link ManagementLink}'s defaults. */
class ResultAndCauseTest {

  @Test
  void results_areDistinctAndNamed() {
    assertThat(Result.SUCCESS).isNotEqualTo(Result.FAILURE).hasToString("SUCCESS");
    assertThat(Result.FAILURE).hasToString("FAILURE");
  }

  @Test
  void remoteCause_describesTheHostAndNote() {
    assertThat(new Cause.RemoteCause("10.0.0.7", null).getShortDescription())
        .isEqualTo("Started by remote host 10.0.0.7");
    assertThat(new Cause.RemoteCause("10.0.0.7", "image pushed").getShortDescription())
        .isEqualTo("Started by remote host 10.0.0.7 with note: image pushed");
  }

  @Test
  void managementLink_defaultsAsInJenkins() {
    ManagementLink link =
        new ManagementLink() {
          @Override
          public String getIconFileName() {
            return "icon.svg";
          }

          @Override
          public String getUrlName() {
            return "container-cloud";
          }

          @Override
          public String getDisplayName() {
            return "Container Cloud";
          }
        };

    assertThat(link.getDescription()).isEmpty();
    assertThat(link.getCategory()).isEqualTo(ManagementLink.Category.UNCATEGORIZED);
  }
}
