package io.jenkins.plugins.containercloud.scale;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

  /** The user data for a machine of {@code pool}, with the secret filled in. */
  public String render(NodePool pool) {
    Map<String, String> values = new HashMap<>();
    values.put("token", joinToken == null ? "" : joinToken.resolve());
    values.put("pool", pool.name());
    values.put("cluster", pool.cluster());
    values.put(
        "nodeLabels",
        new TreeMap<>(TemplateFit.nodeLabels(pool))
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",")));
    values.put(
        "nodeTaints",
        pool.template().taints().stream()
            .map(t -> t.key() + "=" + t.value() + ":" + t.effect())
            .collect(Collectors.joining(",")));
    values.put("joinCommand", fill(joinCommand, values));
    return fill(userDataTemplate, values);
  }

  private static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out;
  }
}
