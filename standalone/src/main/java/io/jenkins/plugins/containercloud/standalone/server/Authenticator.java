package io.jenkins.plugins.containercloud.standalone.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks passwords and API tokens and issues and verifies session cookies. Sessions are signed
 * rather than stored, so that every replica sharing the session key accepts them and a restart logs
 * nobody out; the CSRF token is derived from the session the same way.
 */
final class Authenticator {

  static final Duration SESSION_LIFETIME = Duration.ofHours(8);

  private final Map<String, ServerConfig.User> users;
  private final List<ServerConfig.ApiToken> tokens;
  private final byte[] key;
  private final Clock clock;

  Authenticator(
      List<ServerConfig.User> users, List<ServerConfig.ApiToken> tokens, String key, Clock clock) {
    this.users =
        users.stream().collect(Collectors.toMap(ServerConfig.User::name, Function.identity()));
    this.tokens = List.copyOf(tokens);
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** The user, when the password is theirs; the same work is done for an unknown user. */
  Optional<ServerConfig.User> login(String name, String password) {
    ServerConfig.User user = name == null ? null : users.get(name);
    String hash = user != null ? user.passwordHash() : DECOY;
    boolean matches = password != null && PasswordHash.matches(password.toCharArray(), hash);
    return matches && user != null ? Optional.of(user) : Optional.empty();
  }

  /** A new session cookie's value for {@code user}. */
  String newSession(ServerConfig.User user) {
    String nonce = PasswordHash.randomSecret();
    long expires = clock.instant().plus(SESSION_LIFETIME).getEpochSecond();
    String payload = b64(user.name() + "\n" + expires + "\n" + nonce);
    return payload + "." + b64(sign("session\n" + payload));
  }

  /** The principal of a valid, unexpired session cookie whose user still exists. */
  Optional<Principal> session(String cookie) {
    if (cookie == null) {
      return Optional.empty();
    }
    int dot = cookie.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String payload = cookie.substring(0, dot);
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(cookie.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(signature, sign("session\n" + payload))) {
      return Optional.empty();
    }
    String[] parts =
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\n");
    if (parts.length != 3 || Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
      return Optional.empty();
    }
    ServerConfig.User user = users.get(parts[0]);
    if (user == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Principal(user.name(), user.role(), b64(sign("csrf\n" + parts[2])), false));
  }

  /** The principal of an API token. */
  Optional<Principal> token(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    byte[] presented = PasswordHash.tokenHash(token.trim()).getBytes(StandardCharsets.UTF_8);
    for (ServerConfig.ApiToken t : tokens) {
      if (MessageDigest.isEqual(presented, t.tokenHash().getBytes(StandardCharsets.UTF_8))) {
        return Optional.of(new Principal(t.name(), t.role(), null, true));
      }
    }
    return Optional.empty();
  }

  boolean hasUsers() {
    return !users.isEmpty();
  }

  private byte[] sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  private static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Checked against when the user is unknown, so that timing does not tell which names exist. */
  private static final String DECOY = PasswordHash.hash("not-a-password".toCharArray());
}
