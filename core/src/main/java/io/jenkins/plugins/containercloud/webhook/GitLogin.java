package io.jenkins.plugins.containercloud.webhook;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The user and password (or token) a build rule fetches a private repository with over HTTP(S). It
 * is never stored with a trigger: the pipeline asks the configuration for it by the rule's work
 * folder when it checks out, so that it stays out of the history, the JSON and every message.
 */
public record GitLogin(String username, String password) {

  public GitLogin {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException(
          "build.gitCredentials.username is required (for a token, any name the server accepts)");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException(
          "build.gitCredentials.password is required: {file: PATH} or {env: VARIABLE} holding the"
              + " password or token");
    }
  }

  /**
   * Refuses an address the credentials must not be sent to: {@code git://} carries none, and plain
   * {@code http} would show them to the network (it is allowed on this machine's loopback only).
   */
  static void checkUrl(String field, String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost();
    boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    if (scheme.equals("https") || (scheme.equals("http") && loopback)) {
      return;
    }
    throw new IllegalArgumentException(
        field
            + ": '"
            + BuildSpec.redact(url)
            + "' cannot carry build.gitCredentials; use an https:// address of the repository");
  }

  /** The logins of the hooks' build rules, by work folder ({@code hook/rule}). */
  public static Function<String, Optional<GitLogin>> byFolder(List<HookSettings> hooks) {
    var logins =
        hooks.stream()
            .flatMap(
                h ->
                    h.rules().stream()
                        .filter(r -> r.build() != null && r.build().gitCredentials() != null)
                        .map(r -> java.util.Map.entry(h.name() + "/" + r.name(), r.build())))
            .collect(Collectors.toMap(e -> e.getKey(), e -> e.getValue().gitCredentials()));
    return folder -> Optional.ofNullable(logins.get(folder));
  }

  @Override
  public String toString() {
    return "GitLogin[" + username + ", ********]";
  }
}
