package io.jenkins.plugins.containercloud.scale;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A short hash of what a pool's machines are made from (template and bootstrap): a machine made
 * from another revision is out of date and a rolling upgrade replaces it. The join token is hashed
 * by its reference, never its value, so that a rotated secret does not replace every node.
 */
final class TemplateRevision {

  private TemplateRevision() {}

  /** 12 hex characters, the same in every process for the same template and bootstrap. */
  static String of(NodePool pool) {
    NodeTemplate t = pool.template();
    Bootstrap b = pool.bootstrap();
    // Sorted labels: Map.copyOf's iteration order changes from one JVM to the next.
    String described =
        String.join(
            "\n",
            String.valueOf(t.allocatable()),
            String.valueOf(new TreeMap<>(t.labels())),
            String.valueOf(t.taints()),
            String.valueOf(t.instanceType()),
            String.valueOf(t.image()),
            String.valueOf(t.network()),
            b.userDataTemplate(),
            b.joinCommand(),
            String.valueOf(b.joinToken()));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(described.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
