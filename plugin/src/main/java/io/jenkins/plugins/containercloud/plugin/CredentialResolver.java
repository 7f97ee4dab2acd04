package io.jenkins.plugins.containercloud.plugin;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Run;
import hudson.security.ACL;
import java.util.Optional;

/**
 * Finds Jenkins credentials by id: for a build (what the build may use) or for the system (what the
 * global configuration may use). Tests hand in their own.
 */
@FunctionalInterface
public interface CredentialResolver {

  /** The credentials with this id, if they exist and may be used here. */
  Optional<StandardCredentials> find(String id);

  /** The credentials {@code run} may use, with their use tracked against it. */
  static CredentialResolver forRun(Run<?, ?> run) {
    return id ->
        Optional.ofNullable(
            CredentialsProvider.findCredentialById(id, StandardCredentials.class, run));
  }

  /** The credentials of Jenkins' global scope, as the system sees them. */
  static CredentialResolver system() {
    return id ->
        CredentialsProvider.lookupCredentialsInItem(StandardCredentials.class, null, ACL.SYSTEM2)
            .stream()
            .filter(c -> c.getId().equals(id))
            .findFirst();
  }

  /**
   * The credentials {@code id} as a {@code type}, or an {@link IllegalArgumentException} naming
   * {@code field} and saying what to fix.
   */
  default <C> C require(String field, String id, Class<C> type, String kind) {
    StandardCredentials found =
        find(id)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        field
                            + ": no credentials with id '"
                            + id
                            + "' are available here; add them in Manage Jenkins » Credentials"));
    if (!type.isInstance(found)) {
      throw new IllegalArgumentException(
          field
              + ": the credentials '"
              + id
              + "' are not "
              + kind
              + "; choose credentials that are");
    }
    return type.cast(found);
  }
}
