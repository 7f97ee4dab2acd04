package io.jenkins.plugins.containercloud.plugin.pools;

import io.jenkins.plugins.containercloud.scale.HeldSecrets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands secrets from Jenkins credentials to the engine as {@code held:} references ({@link
 * HeldSecrets}): the value stays in memory, never on disk, and the engine's settings, logs and
 * records hold only the reference. {@link #close()} forgets them all.
 */
public final class PoolSecrets implements AutoCloseable {

  private final List<String> references = new ArrayList<>();

  /** A {@code held:} reference to {@code secret}, valid until this is closed. */
  public synchronized String reference(String secret) {
    String reference = HeldSecrets.hold(secret);
    references.add(reference);
    return reference;
  }

  /** How many secrets are held now. */
  synchronized int count() {
    return references.size();
  }

  @Override
  public synchronized void close() {
    references.forEach(HeldSecrets::forget);
    references.clear();
  }
}
