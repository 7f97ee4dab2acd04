package hudson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tests for {@link ExtensionList}: outside Jenkins there are no extensions. */
class ExtensionListTest {

  @Test
  void lookup_findsNothing() {
    assertThat(ExtensionList.lookup(Runnable.class)).isEmpty();
  }

  @Test
  void lookupSingleton_failsAsJenkinsDoesWhenThereIsNone() {
    assertThatThrownBy(() -> ExtensionList.lookupSingleton(Runnable.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Expected 1 instance of java.lang.Runnable but got 0");
  }
}
