package io.jenkins.plugins.containercloud.plugin;

import com.cloudbees.plugins.credentials.common.PasswordCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Replaces the secrets a step or a form check has seen with {@code ****} in whatever it prints,
 * records or throws. The engine never prints secrets itself; this guards against a registry or
 * server echoing one back. It knows passwords, secret texts, and a kubeconfig's {@code token},
 * {@code password}, {@code client-key-data} and {@code client-certificate-data} values.
 */
public final class SecretMasker implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final String MASK = "****";

  /**
   * A kubeconfig's secret fields, in YAML ({@code key: value}) or JSON ({@code "key": "value",}).
   */
  private static final Pattern KUBECONFIG_SECRET =
      Pattern.compile(
          "^[\\s-]*[\"']?(token|password|client-key-data|client-certificate-data)[\"']?\\s*:\\s*"
              + "(.+?)\\s*,?\\s*$",
          Pattern.MULTILINE);

  private final List<String> secrets = new ArrayList<>();

  public synchronized void add(String secret) {
    if (secret != null && !secret.isEmpty() && !secrets.contains(secret)) {
      secrets.add(secret);
      // Longest first, so that a secret containing another is masked whole.
      secrets.sort(Comparator.comparingInt(String::length).reversed());
    }
  }

  public synchronized String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  /** A resolver that remembers the secrets of every credential it hands out. */
  public CredentialResolver recording(CredentialResolver resolver) {
    return id -> {
      Optional<StandardCredentials> found = resolver.find(id);
      found.ifPresent(this::remember);
      return found;
    };
  }

  /** Remembers the secret values of a kubeconfig's users. */
  public void addKubeconfig(String kubeconfig) {
    Matcher field = KUBECONFIG_SECRET.matcher(kubeconfig);
    while (field.find()) {
      add(unquote(field.group(2)));
    }
  }

  private void remember(StandardCredentials credentials) {
    if (credentials instanceof PasswordCredentials password) {
      add(password.getPassword().getPlainText());
    }
    if (credentials instanceof StringCredentials text) {
      add(text.getSecret().getPlainText());
    }
    if (credentials instanceof FileCredentials file) {
      try (InputStream content = file.getContent()) {
        addKubeconfig(new String(content.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        // Unreadable: the connection fails on it with its own message, which carries no content.
      }
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
