package io.jenkins.plugins.containercloud.plugin;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Credentials as the credentials plugin's stores hold them, and a resolver over a few of them. */
public final class TestCredentials {

  private TestCredentials() {}

  /** A resolver that finds exactly these credentials by id. */
  public static CredentialResolver resolver(StandardCredentials... credentials) {
    Map<String, StandardCredentials> byId =
        Stream.of(credentials)
            .collect(Collectors.toMap(StandardCredentials::getId, Function.identity()));
    return id -> Optional.ofNullable(byId.get(id));
  }

  public static StandardUsernamePasswordCredentials usernamePassword(
      String id, String username, String password) {
    return new UsernamePassword(id, username, Secret.fromString(password));
  }

  public static StringCredentials secretText(String id, String secret) {
    return new Text(id, Secret.fromString(secret));
  }

  public static FileCredentials secretFile(String id, String fileName, byte[] content) {
    return new File(id, fileName, content);
  }

  private record UsernamePassword(String id, String username, Secret password)
      implements StandardUsernamePasswordCredentials {
    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getDescription() {
      return "user " + username;
    }

    @Override
    public String getUsername() {
      return username;
    }

    @Override
    public Secret getPassword() {
      return password;
    }
  }

  private record Text(String id, Secret secret) implements StringCredentials {
    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getDescription() {
      return "secret text";
    }

    @Override
    public Secret getSecret() {
      return secret;
    }
  }

  private record File(String id, String fileName, byte[] content) implements FileCredentials {
    @Override
    public String getId() {
      return id;
    }

    @Override
    public String getDescription() {
      return "secret file " + fileName;
    }

    @Override
    public String getFileName() {
      return fileName;
    }

    @Override
    public InputStream getContent() {
      return new ByteArrayInputStream(content);
    }
  }
}
