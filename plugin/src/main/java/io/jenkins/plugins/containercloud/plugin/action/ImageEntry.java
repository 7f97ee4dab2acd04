package io.jenkins.plugins.containercloud.plugin.action;

import java.util.ArrayList;
import java.util.List;

/**
 * An image a build produced: built or pushed, pinned by digest when pushed. Saved with the build.
 */
public final class ImageEntry {

  private final String operation;
  private final String reference;
  private final String digest;
  private final List<String> tags;
  private final boolean daemonless;

  public ImageEntry(
      String operation, String reference, String digest, List<String> tags, boolean daemonless) {
    this.operation = operation;
    this.reference = reference;
    this.digest = digest;
    this.tags = new ArrayList<>(tags);
    this.daemonless = daemonless;
  }

  /** {@code build} or {@code push}. */
  public String getOperation() {
    return operation;
  }

  public String getReference() {
    return reference;
  }

  /** The manifest digest, or null when the image was built but not pushed. */
  public String getDigest() {
    return digest;
  }

  public List<String> getTags() {
    return List.copyOf(tags);
  }

  public boolean isDaemonless() {
    return daemonless;
  }
}
