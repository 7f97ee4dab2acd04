package io.jenkins.plugins.containercloud.plugin.action;

import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * An image a build produced: built or pushed, pinned by digest when pushed. Saved with the build.
 */
@ExportedBean(defaultVisibility = 2)
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
  @Exported
  public String getOperation() {
    return operation;
  }

  @Exported
  public String getReference() {
    return reference;
  }

  /** The manifest digest, or null when the image was built but not pushed. */
  @Exported
  public String getDigest() {
    return digest;
  }

  @Exported
  public List<String> getTags() {
    return List.copyOf(tags);
  }

  @Exported
  public boolean isDaemonless() {
    return daemonless;
  }

  /** The reference shortened for the page (the full one is in its tooltip). */
  public String getShortReference() {
    return ShortText.reference(reference);
  }

  /** The digest shortened for the page. */
  public String getShortDigest() {
    return ShortText.digest(digest);
  }
}
