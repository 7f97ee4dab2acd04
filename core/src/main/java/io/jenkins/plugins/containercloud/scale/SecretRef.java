package io.jenkins.plugins.containercloud.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a secret lives, never the secret: {@code env:NAME} (an environment variable), {@code
 * file:PATH} (a file's content, trimmed) or {@code held:NAME} (a secret the host holds in memory,
 * {@link HeldSecrets}). It is read when it is used, so configuration, logs and records only ever
 * hold the reference.
 */
public final class SecretRef {

  private final String reference;
  private final UnaryOperator<String> environment;

  private SecretRef(String reference, UnaryOperator<String> environment) {
    this.reference = reference;
    this.environment = environment;
  }

  /** Parses {@code env:NAME} or {@code file:PATH}; {@code field} names the setting in errors. */
  public static SecretRef parse(String field, String reference) {
    return parse(field, reference, System::getenv);
  }

  static SecretRef parse(String field, String reference, UnaryOperator<String> environment) {
    if (reference == null
        || !(reference.startsWith("env:")
            || reference.startsWith("file:")
            || reference.startsWith("held:"))
        || reference.indexOf(':') == reference.length() - 1) {
      throw new IllegalArgumentException(
          field
              + ": give a reference to the secret, env:VARIABLE or file:PATH, never the secret"
              + " itself");
    }
    return new SecretRef(reference, environment);
  }

  /** Reads the secret; fails naming the reference (not the value) when it is missing or empty. */
  public String resolve() {
    String value;
    if (reference.startsWith("env:")) {
      value = environment.apply(reference.substring(4));
    } else if (reference.startsWith("held:")) {
      value = HeldSecrets.read(reference.substring(5));
    } else {
      try {
        value = Files.readString(Path.of(reference.substring(5))).trim();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the secret " + reference, e);
      }
    }
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("the secret " + reference + " is not set or empty");
    }
    return value;
  }

  /** The reference, which is safe to show. */
  public String reference() {
    return reference;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretRef other && other.reference.equals(reference);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reference);
  }

  @Override
  public String toString() {
    return reference;
  }
}
