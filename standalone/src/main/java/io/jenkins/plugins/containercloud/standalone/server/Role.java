package io.jenkins.plugins.containercloud.standalone.server;

import java.util.List;
import java.util.Locale;

/** What a user may do: viewers read, deployers also start and abort rollouts, admins everything. */
public enum Role {
  VIEWER,
  DEPLOYER,
  ADMIN;

  /** Whether this role includes {@code other}'s rights. */
  boolean covers(Role other) {
    return ordinal() >= other.ordinal();
  }

  /** The role's name and those it includes, lower case, as the UI's {@code data-roles} lists. */
  List<String> names() {
    return List.of(values()).subList(0, ordinal() + 1).stream()
        .map(r -> r.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  /**
   * What the role may do, as the UI's {@code data-permissions} lists it (the names the Jenkins
   * plugin uses): viewers {@code view}; deployers and admins also deploy, roll back and scale.
   */
  List<String> permissions() {
    return this == VIEWER ? List.of("view") : List.of("view", "deploy", "rollback", "scale");
  }

  static Role parse(String path, String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConfigException(
          path, "'" + text + "' is not a role; use viewer, deployer or admin");
    }
  }
}
