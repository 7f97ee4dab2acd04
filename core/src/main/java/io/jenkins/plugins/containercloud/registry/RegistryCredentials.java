package io.jenkins.plugins.containercloud.registry;

import java.util.Objects;

/**
 * Credentials for one registry: a username and password, or an identity (refresh) token.
 *
 * <p>The secret is never part of {@link #toString()}, so a credentials object can be logged or put
 * into an exception message without leaking it.
 */
public final class RegistryCredentials {

  /** The username Docker's credential helpers use to say "the secret is an identity token". */
  static final String IDENTITY_TOKEN_USER = "<token>";

  private final String username;
  private final String secret;
  private final boolean identityToken;

  private RegistryCredentials(String username, String secret, boolean identityToken) {
    this.username = username;
    this.secret = Objects.requireNonNull(secret, "secret");
    this.identityToken = identityToken;
  }

  /** A username and password (or a personal access token used as password). */
  public static RegistryCredentials of(String username, String password) {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("registry username is empty: give the user name");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException(
          "registry password for user " + username + " is empty: give the password or token");
    }
    return new RegistryCredentials(username, password, false);
  }

  /** An identity token, exchanged at the registry's token service for access tokens. */
  public static RegistryCredentials identityToken(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("registry identity token is empty");
    }
    return new RegistryCredentials(IDENTITY_TOKEN_USER, token, true);
  }

  /** The user name; {@code <token>} for an identity token. */
  public String username() {
    return username;
  }

  /** The password or token. Callers must not log it. */
  public String secret() {
    return secret;
  }

  /** Whether {@link #secret()} is an identity token rather than a password. */
  public boolean isIdentityToken() {
    return identityToken;
  }

  /** Says who, never the secret. */
  @Override
  public String toString() {
    return identityToken ? "identity token" : "user " + username;
  }
}
