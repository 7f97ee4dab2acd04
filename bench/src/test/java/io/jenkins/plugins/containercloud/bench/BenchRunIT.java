package io.jenkins.plugins.containercloud.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@code bench/run}: it finds a JDK 21 or newer as ./run and ./test do. */
class BenchRunIT {

  @TempDir Path jdk17;

  @Test
  void onAMachineWhoseJavaIs17_runsTheScenarioWithAJdk21OrNewer() throws Exception {
    // A stand-in for a JDK 17 that is JAVA_HOME and first on the PATH: it says what it is, and
    // fails as Java 17 fails on our classes.
    script(
        "java",
        """
        #!/bin/sh
        case "$*" in *XshowSettings*) echo "    java.specification.version = 17" >&2; exit 0 ;; esac
        echo "UnsupportedClassVersionError: class file version 65.0 (the stand-in JDK 17 ran)" >&2
        exit 1
        """);
    script("javac", "#!/bin/sh\nexit 0\n");
    Path root = Path.of("..").toAbsolutePath().normalize();
    ProcessBuilder builder =
        new ProcessBuilder(root.resolve("bench/run").toString(), "incremental-push", "not-a-number")
            .directory(root.toFile())
            .redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", jdk17.toString());
    builder.environment().put("PATH", jdk17.resolve("bin") + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(output)
        .doesNotContain("stand-in JDK 17")
        // The scenario's main ran and refused the rounds argument: its class was loaded.
        .contains("NumberFormatException")
        .contains("not-a-number");
  }

  private void script(String name, String text) throws IOException {
    Path file = Files.createDirectories(jdk17.resolve("bin")).resolve(name);
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
