package io.jenkins.plugins.containercloud.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One layer of a daemonless build: a file or directory on this machine, where it goes in the image,
 * and optionally the permissions of the files it adds (octal, e.g. {@code 755}).
 */
public record LayerSpec(Path source, String target, String permissions) {

  private static final Pattern OCTAL = Pattern.compile("[0-7]{3}");

  public LayerSpec {
    if (source == null || !Files.exists(source)) {
      throw new IllegalArgumentException(
          "layer: source " + source + " does not exist; give a file or directory to add");
    }
    if (target == null || !target.startsWith("/")) {
      throw new IllegalArgumentException(
          "layer: target \"" + target + "\" must be an absolute path in the image, e.g. /app");
    }
    if (permissions != null && !OCTAL.matcher(permissions).matches()) {
      throw new IllegalArgumentException(
          "layer: permissions \"" + permissions + "\" must be three octal digits, e.g. 644 or 755");
    }
  }

  /**
   * Parses {@code SRC:DEST[:MODE]} as the command line writes it, e.g. {@code build/app:/app:755}.
   */
  public static LayerSpec parse(String text, Path baseDirectory) {
    String[] parts = text.split(":", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
      throw new IllegalArgumentException(
          "layer: \"" + text + "\" must be SRC:DEST or SRC:DEST:MODE, e.g. build/app:/app:755");
    }
    return new LayerSpec(
        baseDirectory.resolve(parts[0]).normalize(), parts[1], parts.length == 3 ? parts[2] : null);
  }
}
