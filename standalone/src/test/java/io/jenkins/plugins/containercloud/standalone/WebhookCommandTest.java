package io.jenkins.plugins.containercloud.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests for {@code container-cloud webhook test}: exit 0 accepted or ignored, 1 refused, 2 usage.
 */
class WebhookCommandTest {

  private static final String SECRET = "It's a Secret to Everybody";
  private static final String PACKAGE =
      """
      {"action":"published","package":{"name":"shop","namespace":"octo-org","package_type":"CONTAINER",
       "package_version":{"container_metadata":{"tag":{"name":"1.4.0"},
       "manifest":{"digest":"sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945"}}}}}
      """;

  @TempDir Path dir;

  @Test
  void aCorrectlySignedDelivery_exits0_andPrintsWhatItSaid() throws Exception {
    InProcessCli.Result result = run(PACKAGE, signature(PACKAGE));
    assertThat(result.code()).as(result.err()).isEqualTo(0);
    assertThat(result.out())
        .startsWith("200 ignored")
        .contains("\"repository\" : \"octo-org/shop\"", "\"tag\" : \"1.4.0\"", "github:490211:d-1");
  }

  @Test
  void aWrongSignature_exits1_sayingWhy() throws Exception {
    InProcessCli.Result result = run(PACKAGE, "sha256=00");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .startsWith("401 refused")
        .contains("does not match")
        .doesNotContain(SECRET);
  }

  @Test
  void badUsage_exits2() throws Exception {
    Files.writeString(dir.resolve("payload.json"), PACKAGE);
    InProcessCli.Result noSecret = test("github", dir.resolve("nope"));
    assertThat(noSecret.code()).isEqualTo(2);
    assertThat(noSecret.err()).contains("--secret-file: no such file");
    Files.writeString(dir.resolve("secret"), SECRET);
    InProcessCli.Result badSource = test("bitbucket", dir.resolve("secret"));
    assertThat(badSource.code()).isEqualTo(2);
    assertThat(badSource.err()).contains("--source");
  }

  private InProcessCli.Result test(String source, Path secret) {
    return InProcessCli.run(
        dir,
        List.of(
            "webhook",
            "test",
            "--source",
            source,
            "--secret-file",
            secret.toString(),
            dir.resolve("payload.json").toString()));
  }

  private InProcessCli.Result run(String payload, String signature) throws Exception {
    Files.writeString(dir.resolve("payload.json"), payload);
    Files.writeString(dir.resolve("secret"), SECRET + "\n");
    Files.writeString(
        dir.resolve("headers.txt"),
        """
        Request method: POST
        Content-Type: application/json
        X-GitHub-Event: package
        X-GitHub-Delivery: d-1
        X-GitHub-Hook-ID: 490211
        X-Hub-Signature-256: %s
        """
            .formatted(signature));
    return InProcessCli.run(
        dir,
        List.of(
            "webhook",
            "test",
            "--source",
            "github",
            "--secret-file",
            dir.resolve("secret").toString(),
            "--header-file",
            dir.resolve("headers.txt").toString(),
            dir.resolve("payload.json").toString()));
  }

  private static String signature(String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256="
        + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }
}
