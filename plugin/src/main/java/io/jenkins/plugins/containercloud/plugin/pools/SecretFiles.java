package io.jenkins.plugins.containercloud.plugin.pools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands secrets from Jenkins credentials to the engine, which reads them through {@code file:}
 * references: each is written to a file only this user can read, deleted on {@link #close()}. The
 * engine's settings, logs and records then hold the path, never the value.
 */
public final class SecretFiles implements AutoCloseable {

  private final List<Path> files = new ArrayList<>();

  /** A {@code file:} reference to a new private file holding {@code secret}. */
  public synchronized String reference(String secret) {
    try {
      Path file =
          Files.createTempFile(
              "container-cloud-secret",
              "",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      files.add(file);
      Files.writeString(file, secret, StandardCharsets.UTF_8);
      return "file:" + file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a private file for a secret", e);
    }
  }

  /** How many secrets are on disk now. */
  synchronized int count() {
    return files.size();
  }

  @Override
  public synchronized void close() {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // private to this user, in the temporary folder: nothing more to do
      }
    }
    files.clear();
  }
}
