package hudson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.jupiter.api.Test;

/**
 * Tests that sezpoz indexes classes annotated with {@link Extension}, as Jenkins finds them: the
 * annotation must be meta-annotated with {@code @Indexable}, and the processor must run.
 */
class ExtensionIndexingTest {

  /** An extension, as a plugin declares one. */
  @Extension(ordinal = 5)
  public static final class SampleExtension {}

  @Test
  void extensionClasses_areIndexedWithTheirAttributes() {
    List<String> found = new ArrayList<>();
    for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class)) {
      found.add(item.className() + " ordinal=" + item.annotation().ordinal());
    }

    assertThat(found).containsExactly(SampleExtension.class.getName() + " ordinal=5.0");
  }
}
