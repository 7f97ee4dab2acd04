package hudson;

import hudson.model.TaskListener;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Compile-only declaration of Jenkins' {@code Launcher}; see jenkins-api/README.md. */
public abstract class Launcher {

  private Launcher() {}

  public final ProcStarter launch() {
    throw new UnsupportedOperationException("Launcher.launch runs only inside Jenkins");
  }

  public boolean isUnix() {
    throw new UnsupportedOperationException("Launcher.isUnix runs only inside Jenkins");
  }

  /**
   * Compile-only declaration of Jenkins' {@code Launcher.ProcStarter}; see jenkins-api/README.md.
   */
  public final class ProcStarter {

    private ProcStarter() {}

    public ProcStarter cmds(String... args) {
      throw new UnsupportedOperationException("ProcStarter.cmds runs only inside Jenkins");
    }

    public ProcStarter cmds(List<String> args) {
      throw new UnsupportedOperationException("ProcStarter.cmds runs only inside Jenkins");
    }

    public ProcStarter pwd(FilePath workDir) {
      throw new UnsupportedOperationException("ProcStarter.pwd runs only inside Jenkins");
    }

    public ProcStarter stdout(TaskListener out) {
      throw new UnsupportedOperationException("ProcStarter.stdout runs only inside Jenkins");
    }

    public ProcStarter envs(Map<String, String> overrides) {
      throw new UnsupportedOperationException("ProcStarter.envs runs only inside Jenkins");
    }

    public int join() throws IOException, InterruptedException {
      throw new UnsupportedOperationException("ProcStarter.join runs only inside Jenkins");
    }
  }
}
