package io.jenkins.plugins.containercloud.plugin.steps;

import com.cloudbees.plugins.credentials.common.PasswordCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Replaces the secrets a step has seen with {@code ****} in whatever it prints or throws. The
 * engine never prints secrets itself; this guards against a registry or server echoing one back.
 */
final class SecretMasker implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String MASK = "****";

  private final List<String> secrets = new ArrayList<>();

  synchronized void add(String secret) {
    if (secret != null && !secret.isEmpty() && !secrets.contains(secret)) {
      secrets.add(secret);
      // Longest first, so that a secret containing another is masked whole.
      secrets.sort(Comparator.comparingInt(String::length).reversed());
    }
  }

  synchronized String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  /** A resolver that remembers the secret of every credential it hands out. */
  CredentialResolver recording(CredentialResolver resolver) {
    return id -> {
      Optional<StandardCredentials> found = resolver.find(id);
      found.ifPresent(this::remember);
      return found;
    };
  }

  private void remember(StandardCredentials credentials) {
    if (credentials instanceof PasswordCredentials password) {
      add(password.getPassword().getPlainText());
    }
    if (credentials instanceof StringCredentials text) {
      add(text.getSecret().getPlainText());
    }
  }
}
