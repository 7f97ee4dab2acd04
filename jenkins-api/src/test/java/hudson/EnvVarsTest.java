package hudson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Test;

/** Tests for {@link EnvVars}. */
class EnvVarsTest {

  @Test
  void names_areCaseInsensitive() {
    EnvVars env = new EnvVars();
    env.put("Path", "/bin");

    assertThat(env.get("PATH")).isEqualTo("/bin");
    assertThat(env.get("MISSING", "fallback")).isEqualTo("fallback");
    assertThat(env.get("path", "fallback")).isEqualTo("/bin");
  }

  @Test
  void override_setsReplacesRemovesAndPrepends() {
    EnvVars env = new EnvVars();
    env.override("IMAGE", "app:1");
    env.override("IMAGE", "app:2");
    env.override("PATH", "/bin");
    env.override("PATH+TOOLS", "/opt/tools/bin");
    env.override("NEW+TOOLS", "/opt/new");
    env.override("GONE", "x");
    env.override("GONE", "");

    assertThat(env)
        .containsEntry("IMAGE", "app:2")
        .containsEntry("PATH", "/opt/tools/bin" + File.pathSeparatorChar + "/bin")
        .containsEntry("NEW", "/opt/new")
        .doesNotContainKey("GONE");
  }

  @Test
  void expand_replacesKnownVariables_leavesUnknownOnes_andUnescapesDollars() {
    EnvVars env = new EnvVars();
    env.put("REGISTRY", "127.0.0.1:5000");
    env.put("TAG", "1.0");

    assertThat(env.expand("$REGISTRY/app:${TAG} $UNKNOWN ${ALSO.UNKNOWN} $$5"))
        .isEqualTo("127.0.0.1:5000/app:1.0 $UNKNOWN ${ALSO.UNKNOWN} $5");
    assertThat(env.expand(null)).isNull();
  }
}
