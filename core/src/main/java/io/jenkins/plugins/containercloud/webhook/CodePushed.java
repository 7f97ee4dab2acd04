package io.jenkins.plugins.containercloud.webhook;

/**
 * Commits pushed to a Git repository. {@code commit} is the commit the ref now points to (for an
 * annotated tag the commit it dereferences to, never the tag object).
 *
 * @param repository e.g. {@code team/app}
 * @param ref e.g. {@code refs/heads/main} or {@code refs/tags/v1}
 */
public record CodePushed(String repository, String ref, String commit, String cloneUrl)
    implements PushEvent {

  /** The branch name for {@code refs/heads/...}, else null. */
  public String branch() {
    return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : null;
  }

  /** The tag name for {@code refs/tags/...}, else null. */
  public String tag() {
    return ref.startsWith("refs/tags/") ? ref.substring("refs/tags/".length()) : null;
  }
}
