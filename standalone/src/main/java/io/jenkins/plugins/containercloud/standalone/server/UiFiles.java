package io.jenkins.plugins.containercloud.standalone.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code ui} bundle as this host serves it: files read from the bundle's one resource path,
 * cached, and {@code index.html} with the mount element's {@code data-*} attributes filled in
 * (HTML-escaped: configuration reaches the app as attributes, never as script).
 */
final class UiFiles {

  /** The bundle's resource path, from the {@code ui} module. */
  static final String ROOT = io.jenkins.plugins.containercloud.ui.UiBundle.RESOURCE_PATH;

  private static final Pattern SAFE_NAME =
      Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)?");
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "html", "text/html; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "json", "application/json",
          "map", "application/json");

  private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  /** A file of the bundle by its name relative to the bundle, e.g. {@code app.js}. */
  Optional<byte[]> file(String name) {
    if (name == null || !SAFE_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(name, UiFiles::read);
  }

  static String contentType(String name) {
    int dot = name.lastIndexOf('.');
    return TYPES.getOrDefault(dot < 0 ? "" : name.substring(dot + 1), "application/octet-stream");
  }

  /** {@code index.html} with each {@code {{key}}} placeholder replaced by its escaped value. */
  String index(Map<String, String> attributes) {
    String html =
        new String(
            file("index.html")
                .orElseThrow(() -> new IllegalStateException("the ui bundle has no index.html")),
            StandardCharsets.UTF_8);
    for (Map.Entry<String, String> entry : attributes.entrySet()) {
      html = html.replace("{{" + entry.getKey() + "}}", escape(entry.getValue()));
    }
    return html;
  }

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '{' -> out.append("&#123;"); // so a value can never form another placeholder
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static Optional<byte[]> read(String name) {
    try (InputStream in = UiFiles.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ROOT + name, e);
    }
  }
}
