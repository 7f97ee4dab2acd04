package hudson.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jenkins.model.GlobalConfiguration;
import org.junit.jupiter.api.Test;

/** Tests for {@link Descriptor}: plugins' descriptors can be made in unit tests. */
class DescriptorTest {

  /** A describable with its descriptor nested in it, Jenkins' convention. */
  @SuppressWarnings("deprecation") // plugins still extend AbstractDescribableImpl
  public static final class Widget extends AbstractDescribableImpl<Widget> {
    /** Its descriptor. */
    public static final class DescriptorImpl extends Descriptor<Widget> {}
  }

  /** A global configuration, which describes itself. */
  public static final class Settings extends GlobalConfiguration {}

  @Test
  void nestedDescriptor_describesItsOuterClass() {
    Widget.DescriptorImpl descriptor = new Widget.DescriptorImpl();

    assertThat(descriptor.clazz).isEqualTo(Widget.class);
    assertThat(descriptor.getId()).isEqualTo(Widget.class.getName());
    assertThat(descriptor.getDisplayName()).isEqualTo("Widget");
  }

  @Test
  void globalConfiguration_describesItself() {
    Settings settings = new Settings();

    assertThat(settings.clazz).isEqualTo(Settings.class);
    assertThat(settings.getDescriptor()).isSameAs(settings);
  }

  @Test
  void topLevelDescriptorWithoutAClass_isRejectedAsInJenkins() {
    assertThatThrownBy(TopLevelDescriptor::new)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("doesn't have an outer class");
  }
}

/** A descriptor that is not nested and names no class. */
final class TopLevelDescriptor extends Descriptor<DescriptorTest.Widget> {}
