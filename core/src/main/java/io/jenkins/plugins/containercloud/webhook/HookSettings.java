package io.jenkins.plugins.containercloud.webhook;

import java.util.List;
import java.util.Objects;

/**
 * One configured hook: its name (the last segment of its URL), the sender, the secret that
 * authenticates it and the rules that say what its pushes deploy.
 *
 * <p>{@code secret} is what each source checks: GitHub's HMAC key, GitLab's {@code X-Gitlab-Token},
 * Docker Hub's secret URL segment, Harbor's and the registry's whole {@code Authorization} value.
 * {@code signingToken} is GitLab's {@code whsec_...} signing token (optional; the signature is
 * checked when the delivery carries one). Every hook is authenticated: there is no open hook.
 */
public record HookSettings(
    String name,
    WebhookSource source,
    String secret,
    String signingToken,
    List<TriggerRule> rules,
    int maxBodyBytes,
    int ratePerSecond) {

  /** Bodies over 1 MiB are refused unread (413). */
  public static final int DEFAULT_MAX_BODY = 1024 * 1024;

  /** Deliveries a second per hook on average (bursts of twice that) before 429. */
  public static final int DEFAULT_RATE = 500;

  /** The smallest body cap a host accepts: below it no sender's real push event fits. */
  public static final int MIN_BODY_CAP = 1024;

  /** The largest body cap a host accepts: a body is held in memory while it is verified. */
  public static final int MAX_BODY_CAP = 16 * 1024 * 1024;

  /** The highest rate a host accepts. */
  public static final int MAX_RATE = 100_000;

  public HookSettings {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      throw new IllegalArgumentException(
          "hook name '" + name + "': use letters, digits, '.', '_' and '-' (at most 63)");
    }
    Objects.requireNonNull(source, "source");
    boolean hasSecret = secret != null && !secret.isEmpty();
    boolean hasSigning = signingToken != null && !signingToken.isEmpty();
    if (hasSigning && source != WebhookSource.GITLAB) {
      throw new IllegalArgumentException(
          "hook " + name + ": signingToken is GitLab's; " + source.id() + " hooks take secret");
    }
    if (!hasSecret && !hasSigning) {
      throw new IllegalArgumentException(
          "hook "
              + name
              + ": give its secret ({env: VARIABLE} or {file: PATH}); a hook without one would"
              + " deploy whatever anyone posts");
    }
    if (hasSigning && !signingToken.startsWith("whsec_")) {
      throw new IllegalArgumentException(
          "hook " + name + ": signingToken must be GitLab's token, starting with whsec_");
    }
    rules = List.copyOf(rules);
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("hook " + name + ": maxBodyBytes must be at least 1");
    }
    if (ratePerSecond < 1) {
      throw new IllegalArgumentException("hook " + name + ": ratePerSecond must be at least 1");
    }
  }

  /** A hook with the default body cap and rate. */
  public static HookSettings of(
      String name,
      WebhookSource source,
      String secret,
      String signingToken,
      List<TriggerRule> rules) {
    return new HookSettings(
        name, source, secret, signingToken, rules, DEFAULT_MAX_BODY, DEFAULT_RATE);
  }

  @Override
  public String toString() {
    // Never the secrets.
    return "HookSettings[" + name + ", " + source.id() + ", " + rules.size() + " rules]";
  }
}
