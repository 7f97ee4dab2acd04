package hudson;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;
import jenkins.security.MasterToSlaveCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link FilePath}. */
class FilePathTest {

  @TempDir Path dir;

  @Test
  void child_resolvesRelativePathsAgainstItself_andKeepsAbsoluteOnes() {
    FilePath workspace = new FilePath(dir.toFile());

    assertThat(workspace.getRemote()).isEqualTo(dir.toString());
    assertThat(workspace.child("app/Dockerfile").getRemote())
        .isEqualTo(dir.resolve("app/Dockerfile").toString());
    assertThat(workspace.child("/etc/hosts").getRemote()).isEqualTo("/etc/hosts");
  }

  @Test
  void exists_saysWhetherTheFileIsThere() throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    FilePath workspace = new FilePath(dir.toFile());

    assertThat(workspace.child("Dockerfile").exists()).isTrue();
    assertThat(workspace.child("missing").exists()).isFalse();
    assertThat(workspace.isRemote()).isFalse();
  }

  @Test
  void actOnFileCallable_runsItHereOnTheLocalFile_withAChannelThatRunsCallablesHere()
      throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");

    String read = new FilePath(dir.toFile()).child("Dockerfile").act(new ReadThroughChannel());

    assertThat(read).isEqualTo("FROM scratch\n");
  }

  @Test
  void actOnCallable_runsItHere_andLetsItsExceptionThrough() throws Exception {
    FilePath workspace = new FilePath(dir.toFile());

    assertThat(workspace.act(new Answer("42"))).isEqualTo("42");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> workspace.act(new Answer(null)))
        .isInstanceOf(IOException.class)
        .hasMessage("no answer");
  }

  /** Reads the file through a callable run on the channel it is given. */
  private static final class ReadThroughChannel extends MasterToSlaveFileCallable<String> {
    @Override
    public String invoke(File f, VirtualChannel channel) throws IOException, InterruptedException {
      return channel.call(new Read(f));
    }
  }

  /** Reads a file. */
  private static final class Read extends MasterToSlaveCallable<String, IOException> {
    private final File file;

    Read(File file) {
      this.file = file;
    }

    @Override
    public String call() throws IOException {
      return Files.readString(file.toPath());
    }
  }

  /** Answers its value, or fails when it has none. */
  private static final class Answer extends MasterToSlaveCallable<String, IOException> {
    private final String value;

    Answer(String value) {
      this.value = value;
    }

    @Override
    public String call() throws IOException {
      if (value == null) {
        throw new IOException("no answer");
      }
      return value;
    }
  }
}
