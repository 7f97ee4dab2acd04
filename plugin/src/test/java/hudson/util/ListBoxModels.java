package hudson.util;

import java.util.List;

/**
 * Reads the values of a {@link ListBoxModel}, as Jenkins' public {@code Option.value} does; the
 * reference does not list that field, so tests reach it from Jenkins' package.
 */
public final class ListBoxModels {

  private ListBoxModels() {}

  public static List<String> values(ListBoxModel model) {
    return model.stream().map(option -> option.value).toList();
  }
}
