package io.jenkins.plugins.containercloud.testing;

import io.jenkins.plugins.containercloud.image.DaemonlessBuildRequest;
import io.jenkins.plugins.containercloud.image.JibImageBuilder;
import io.jenkins.plugins.containercloud.image.LayerSpec;
import io.jenkins.plugins.containercloud.image.PushedImage;
import io.jenkins.plugins.containercloud.registry.CredentialSource;
import io.jenkins.plugins.containercloud.registry.ImageReference;
import io.jenkins.plugins.containercloud.registry.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Images pushed to the testbed's registries by a real client, for the webhook tests. */
public final class TestImages {

  private TestImages() {}

  /** Pushes a one-file image on the testbed's base image with Jib, a real registry client. */
  public static PushedImage push(Path work, ImageReference target) throws Exception {
    Path file = Files.writeString(work.resolve("version.txt"), target.toString());
    DaemonlessBuildRequest request =
        new DaemonlessBuildRequest(
            Testbed.baseImage(),
            List.of(target),
            List.of(new LayerSpec(file, "/app/version.txt", "644")),
            List.of("/bin/sh"),
            List.of("-c", "sleep 3600"),
            Map.of(),
            List.of(),
            Map.of(),
            null,
            "/app",
            work.resolve("cache"),
            false);
    return new JibImageBuilder(
            CredentialSource.ANONYMOUS,
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(500)))
        .buildAndPush(request, line -> {});
  }
}
