package io.jenkins.plugins.containercloud.jenkinsapi;

import java.util.Arrays;
import java.util.List;

/** A {@code src:} comment taken apart. */
record SourceForm(
    String head,
    List<String> exceptions,
    boolean varargs,
    boolean deprecated,
    String defaultValue) {

  static SourceForm parse(String src) {
    String s = src;
    String defaultValue = null;
    int at = s.indexOf(" default ");
    if (at >= 0) {
      defaultValue = s.substring(at + " default ".length()).trim();
      s = s.substring(0, at);
    }
    boolean varargs = s.contains("(varargs)");
    boolean deprecated = s.contains("@Deprecated");
    s =
        s.replace("(varargs)", "")
            .replace("@Deprecated", "")
            .replaceAll("@Restricted\\([^)]*\\)", "");
    List<String> exceptions = List.of();
    at = s.indexOf(" throws ");
    if (at >= 0) {
      exceptions =
          Arrays.stream(s.substring(at + " throws ".length()).trim().split(","))
              .map(String::trim)
              .sorted()
              .toList();
      s = s.substring(0, at);
    }
    return new SourceForm(s.trim(), exceptions, varargs, deprecated, defaultValue);
  }
}
