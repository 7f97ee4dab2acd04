package io.jenkins.plugins.containercloud.standalone;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A GitHub push delivery as GitHub sends it: a commit pushed to main, signed with the secret. */
public final class GitHubPush {

  private GitHubPush() {}

  /**
   * The request for a push of {@code commit} to main of the repository {@code it/NAME}, cloned from
   * {@code gitUrl}, to the hook at {@code hookUrl}.
   */
  public static HttpRequest.Builder request(
      String hookUrl, String name, String gitUrl, String commit, String secret) {
    String body =
        """
        {"ref": "refs/heads/main", "before": "%s", "after": "%s", "deleted": false,
         "head_commit": {"id": "%s"},
         "repository": {"full_name": "it/%s", "clone_url": "%s"}}
        """
            .formatted("0".repeat(40), commit, commit, name, gitUrl);
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    String signature;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(raw));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return HttpRequest.newBuilder(URI.create(hookUrl))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
        .header("X-GitHub-Hook-ID", "4711")
        .header("X-Hub-Signature-256", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(raw));
  }
}
