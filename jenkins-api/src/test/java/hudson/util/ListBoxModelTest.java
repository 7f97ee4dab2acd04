package hudson.util;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.ModelObject;
import org.junit.jupiter.api.Test;

/** Tests for {@link ListBoxModel}. */
class ListBoxModelTest {

  @Test
  void add_makesOptionsWithNamesAndValues() {
    ListBoxModel model = new ListBoxModel();
    model.add("Production", "prod");
    ModelObject staging = () -> "Staging cluster";
    model.add(staging, "staging");
    ListBoxModel chained = model.add("dev");

    assertThat(chained).isSameAs(model);
    assertThat(model)
        .extracting(o -> o.name + "=" + o.value + (o.selected ? "[selected]" : ""))
        .containsExactly("Production=prod", "Staging cluster=staging", "dev=dev");
  }

  @Test
  void option_isUnselectedUnlessSaid() {
    assertThat(new ListBoxModel.Option("a").selected).isFalse();
    assertThat(new ListBoxModel.Option("a", "b", true).selected).isTrue();
  }
}
