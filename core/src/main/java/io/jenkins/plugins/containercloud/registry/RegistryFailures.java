package io.jenkins.plugins.containercloud.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a failed registry request as one sentence: which registry, what went wrong, and what to do.
 * The Docker daemon reports registry failures as text only and Jib wraps them in exception chains;
 * both are recognised here from their (stable) wording, so the two build paths say the same thing.
 */
public final class RegistryFailures {

  /**
   * A status the daemon quotes, e.g. "received unexpected HTTP status: 503 Service Unavailable".
   */
  private static final Pattern SERVER_ERROR =
      Pattern.compile("(?<![\\d.:])(5\\d\\d|429)(?![\\d.])");

  private static final int MAX_DETAIL = 160;

  private RegistryFailures() {}

  /** What went wrong, as far as the words tell. */
  enum Cause {
    UNKNOWN_HOST,
    REFUSED,
    TIMEOUT,
    BROKEN,
    PLAIN_HTTP,
    UNTRUSTED_TLS,
    UNAUTHORIZED,
    DENIED,
    NOT_FOUND,
    SERVER_ERROR,
    OTHER
  }

  /**
   * The failure of {@code doing} (e.g. "push of 127.0.0.1:5000/app:1") at {@code registry}, told by
   * {@code text} (the daemon's message, or {@link #textOf} of an exception); {@code who} names the
   * credentials used, if any.
   */
  public static RegistryException describe(
      String doing, String registry, String repository, Optional<String> who, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Cause cause = recognise(lower);
    return switch (cause) {
      case UNKNOWN_HOST ->
          new RegistryException(
              "the registry host of "
                  + registry
                  + " does not resolve (no such host) during "
                  + doing
                  + ": check the registry name in the image reference",
              0,
              false,
              null);
      case REFUSED ->
          new RegistryException(
              "registry "
                  + registry
                  + " refused the connection during "
                  + doing
                  + ": check that it is running and that the host and port in the image reference"
                  + " are right",
              0,
              true,
              null);
      case TIMEOUT ->
          new RegistryException(
              "registry "
                  + registry
                  + " did not answer in time during "
                  + doing
                  + ": check the network between here and the registry",
              0,
              true,
              null);
      case BROKEN ->
          new RegistryException(
              "the connection to registry "
                  + registry
                  + " broke during "
                  + doing
                  + ": try again; if it keeps breaking, check proxies between here and the registry",
              0,
              true,
              null);
      case PLAIN_HTTP ->
          RegistryException.forStatus(
              "registry "
                  + registry
                  + " serves plain HTTP, not HTTPS: list it in the Docker daemon's"
                  + " insecure-registries, or allow insecure registries for daemonless builds",
              400);
      case UNTRUSTED_TLS ->
          RegistryException.forStatus(
              "registry "
                  + registry
                  + "'s TLS certificate is not trusted: install its CA certificate where the"
                  + " Docker daemon (certs.d) or, for daemonless builds, this JVM trusts it",
              400);
      case UNAUTHORIZED -> unauthorized(registry, repository, who);
      case DENIED ->
          RegistryException.forStatus(
              "registry "
                  + registry
                  + " denied "
                  + who.orElse("anonymous")
                  + " access to "
                  + repository
                  + " (403): check the repository's name, and use an account that may use it",
              403);
      case NOT_FOUND ->
          RegistryException.forStatus(
              "registry "
                  + registry
                  + " has no image "
                  + repository
                  + " with that tag or digest (manifest unknown): check the image's name and tag",
              404);
      case SERVER_ERROR -> serverError(doing, registry, lower);
      case OTHER ->
          new RegistryException(
              doing + " failed at registry " + registry + ": " + detail(text), 0, false, null);
    };
  }

  /** A 401: no credentials for the registry, or credentials it refused. */
  public static RegistryException unauthorized(
      String registry, String repository, Optional<String> who) {
    return RegistryException.forStatus(
        who.map(
                w ->
                    "registry "
                        + registry
                        + " refused the credentials for "
                        + w
                        + " (401): check the user name and the password or token")
            .orElse(
                "registry "
                    + registry
                    + " requires credentials for "
                    + repository
                    + " (401): log in to it (docker login "
                    + registry
                    + ") or give the command credentials for it"),
        401);
  }

  private static RegistryException serverError(String doing, String registry, String lower) {
    Matcher status = SERVER_ERROR.matcher(lower);
    int code = status.find() ? Integer.parseInt(status.group(1)) : 500;
    String fix =
        code == 429
            ? "it limits how often it may be called; wait, or use an account with a higher limit"
            : "the registry itself failed; try again later, or look at its logs";
    return RegistryException.forStatus(
        "registry " + registry + " answered " + code + " during " + doing + ": " + fix, code);
  }

  static Cause recognise(String lower) {
    if (lower.contains("no such host")
        || lower.contains("unknownhostexception")
        || lower.contains("unresolvedaddressexception")
        || lower.contains("name or service not known")
        || lower.contains("temporary failure in name resolution")) {
      return Cause.UNKNOWN_HOST;
    }
    if (lower.contains("server gave http response to https client")
        || lower.contains("insecureregistryexception")
        || lower.contains("unrecognized ssl message")) {
      return Cause.PLAIN_HTTP;
    }
    if (lower.contains("x509:")
        || lower.contains("certificate")
        || lower.contains("pkix path")
        || lower.contains("sslhandshakeexception")) {
      return Cause.UNTRUSTED_TLS;
    }
    if (lower.contains("connection refused") || lower.contains("connectexception")) {
      return Cause.REFUSED;
    }
    if (lower.contains("unauthorized")
        || lower.contains("authentication required")
        || lower.contains("no basic auth credentials")
        || lower.contains(" 401")) {
      return Cause.UNAUTHORIZED;
    }
    if (lower.contains("denied") || lower.contains(" 403") || lower.contains("forbidden")) {
      return Cause.DENIED;
    }
    if (lower.contains("manifest unknown") || lower.contains("not found: manifest")) {
      return Cause.NOT_FOUND;
    }
    if (SERVER_ERROR.matcher(lower).find()) {
      return Cause.SERVER_ERROR;
    }
    if (lower.contains("timeout") || lower.contains("timed out")) {
      // HttpTimeoutException and HttpConnectTimeoutException say it with their names.
      return Cause.TIMEOUT;
    }
    if (lower.contains("connection reset")
        || lower.contains("broken pipe")
        || lower.contains("unexpected eof")
        || lower.matches("(?s).*\\beof\\b.*")) {
      return Cause.BROKEN;
    }
    return Cause.OTHER;
  }

  /** Every message of an exception chain with its type, for {@link #describe}. */
  public static String textOf(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return text.toString();
  }

  /** The first line of an unrecognised message, cut short: the whole goes to the debug log. */
  private static String detail(String text) {
    String line = text.strip().lines().findFirst().orElse("no message");
    return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "…";
  }
}
