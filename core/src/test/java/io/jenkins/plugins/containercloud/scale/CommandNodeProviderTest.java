package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link CommandNodeProvider}, with a small provider script speaking its protocol. */
class CommandNodeProviderTest {

  @TempDir Path dir;
  private Path script;
  private CommandNodeProvider provider;
  private NodePool pool;

  @BeforeEach
  void setUp() throws Exception {
    script = dir.resolve("fake-provider.py");
    try (InputStream in = getClass().getResourceAsStream("fake-provider.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    ProviderSettings settings =
        new ProviderSettings("command", Map.of("command", script.toString()));
    provider = (CommandNodeProvider) NodeProviders.of(settings, "owner-a");
    NodePool base = Pools.pool("batch", 2000, 4, 110, 5);
    pool =
        new NodePool(
            "batch",
            base.cluster(),
            settings,
            base.template(),
            0,
            5,
            5,
            null,
            0.5,
            null,
            base.bootstrap());
  }

  @Test
  void createListDelete_speakJsonWithTheCommand_andTheKeyMakesCreateIdempotent() {
    List<Machine> made = provider.create(new CreateRequest(pool, 2, "key-1", "#!/bin/sh\n"));
    List<Machine> again = provider.create(new CreateRequest(pool, 2, "key-1", "#!/bin/sh\n"));

    assertThat(made)
        .hasSize(2)
        .allSatisfy(m -> assertThat(m.providerId()).isEqualTo("fake://" + m.id()));
    assertThat(again).isEqualTo(made);
    assertThat(provider.listOwned("batch")).isEqualTo(made);

    provider.delete(made.get(0).id());

    assertThat(provider.listOwned("batch")).containsExactly(made.get(1));
  }

  @Test
  void anErrorObject_becomesAProviderExceptionOfItsKind() throws Exception {
    Files.writeString(
        dir.resolve("fail-next"),
        "{\"code\":\"QuotaExceeded\",\"kind\":\"capacity\",\"message\":\"no more VMs\"}");

    assertThatThrownBy(() -> provider.create(new CreateRequest(pool, 1, "key-2", "")))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.CAPACITY);
              assertThat(e.code()).isEqualTo("QuotaExceeded");
            })
        .hasMessageContaining("no more VMs");
  }

  @Test
  void aMissingCommand_isNamedInTheError() {
    CommandNodeProvider missing =
        new CommandNodeProvider(
            new ProviderSettings("command", Map.of("command", dir.resolve("nope").toString())),
            "o");

    assertThatThrownBy(() -> missing.listOwned("batch"))
        .hasMessageContaining("provider command " + dir.resolve("nope") + " cannot be started");
  }
}
