package hudson;

import java.io.File;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compile-only declaration of Jenkins' {@code EnvVars}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: a map of environment variables that behaves as Jenkins' does on the
 * controller: names are case-insensitive, {@link #override} understands {@code PATH+XYZ}, and
 * {@link #expand} replaces {@code $NAME} and {@code ${NAME}}, leaving unknown names as they are.
 */
public class EnvVars extends TreeMap<String, String> {

  // Jenkins' Util.replaceMacro: $xyz, ${xyz} or ${a.b}, and "$$" for a dollar sign.
  private static final Pattern VARIABLE =
      Pattern.compile("\\$([A-Za-z0-9_]+|\\{[A-Za-z0-9_.]+\\}|\\$)");

  public EnvVars() {
    super(String.CASE_INSENSITIVE_ORDER);
  }

  /** Sets {@code key}, removes it when {@code value} is empty, or prepends to X for X+Y keys. */
  public void override(String key, String value) {
    if (value == null || value.isEmpty()) {
      remove(key);
      return;
    }
    int plus = key.indexOf('+');
    if (plus > 0) {
      String realKey = key.substring(0, plus);
      String current = get(realKey);
      put(realKey, current == null ? value : value + File.pathSeparatorChar + current);
      return;
    }
    put(key, value);
  }

  public String expand(String s) {
    if (s == null) {
      return null;
    }
    int from = 0;
    while (true) {
      Matcher m = VARIABLE.matcher(s);
      if (!m.find(from)) {
        return s;
      }
      String key = m.group(1);
      String value;
      if (key.equals("$")) {
        value = "$";
      } else {
        value = get(key.startsWith("{") ? key.substring(1, key.length() - 1) : key);
      }
      if (value == null) {
        from = m.end();
      } else {
        s = s.substring(0, m.start()) + value + s.substring(m.end());
        from = m.start() + value.length();
      }
    }
  }

  public String get(String key, String defaultValue) {
    String value = get(key);
    return value == null ? defaultValue : value;
  }
}
