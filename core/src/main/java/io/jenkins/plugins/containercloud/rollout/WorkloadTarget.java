package io.jenkins.plugins.containercloud.rollout;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The workload a rollout changes: namespace, kind, name and, optionally, the container whose image
 * changes (when absent: the only container, or every container running the image's repository).
 */
public record WorkloadTarget(String namespace, WorkloadKind kind, String name, String container) {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  public WorkloadTarget {
    Objects.requireNonNull(kind, "kind");
    check("namespace", namespace, DNS_LABEL, 63);
    check("name", name, DNS_SUBDOMAIN, 253);
    if (container != null && container.isBlank()) {
      container = null;
    }
    if (container != null) {
      check("container", container, DNS_LABEL, 63);
    }
  }

  public Optional<String> containerName() {
    return Optional.ofNullable(container);
  }

  /** The same workload under another name (after a rename, or an in-progress controller). */
  public WorkloadTarget withName(String newName) {
    return new WorkloadTarget(namespace, kind, newName, container);
  }

  @Override
  public String toString() {
    return kind.shortName() + "/" + name + " in namespace " + namespace;
  }

  private static void check(String field, String value, Pattern pattern, int max) {
    if (value == null || value.isEmpty()) {
      throw new InvalidRolloutException(field + ": must not be empty");
    }
    if (value.length() > max || !pattern.matcher(value).matches()) {
      throw new InvalidRolloutException(
          field
              + ": '"
              + value
              + "' is not a valid Kubernetes name (lower-case letters, digits and '-', at most "
              + max
              + " characters, starting and ending with a letter or digit)");
    }
  }
}
