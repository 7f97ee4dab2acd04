package io.jenkins.plugins.containercloud.scale;

import java.util.Map;
import java.util.Objects;

/**
 * How a new machine joins the cluster: a user-data template that receives the join command and the
 * join token. Placeholders: {@code ${joinCommand}}, {@code ${token}}, {@code ${pool}}, {@code
 * ${cluster}}; the join command may itself hold {@code ${token}}. The token is read from its {@link
 * SecretRef} only when user data is rendered, and never logged or recorded.
 */
public record Bootstrap(String userDataTemplate, String joinCommand, SecretRef joinToken) {

  public Bootstrap {
    Objects.requireNonNull(userDataTemplate, "bootstrap.userData");
    joinCommand = joinCommand == null ? "" : joinCommand;
  }

  /** The user data for one machine of {@code pool}, with the secret filled in. */
  public String render(String pool, String cluster) {
    String token = joinToken == null ? "" : joinToken.resolve();
    String command = fill(joinCommand, Map.of("token", token, "pool", pool, "cluster", cluster));
    return fill(
        userDataTemplate,
        Map.of("joinCommand", command, "token", token, "pool", pool, "cluster", cluster));
  }

  private static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out;
  }
}
