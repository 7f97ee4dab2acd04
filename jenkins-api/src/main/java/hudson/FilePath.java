package hudson;

import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/**
 * Compile-only declaration of Jenkins' {@code FilePath}; see jenkins-api/README.md.
 *
 * <p>Test infrastructure: this one is always a path on the local machine, as Jenkins' is on the
 * controller, and behaves like it there: callables run in this JVM, given the local file and a
 * channel that runs further callables in this JVM too.
 */
public final class FilePath implements SerializableOnlyOverRemoting {

  private final String remote;

  // Jenkins' FilePath(File) is public, but the reference does not list it.
  FilePath(File localPath) {
    this.remote = localPath.getPath();
  }

  public String getRemote() {
    return remote;
  }

  public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
    return callable.invoke(new File(remote), LocalChannel.INSTANCE);
  }

  public <V, E extends Throwable> V act(Callable<V, E> callable)
      throws IOException, InterruptedException, E {
    return callable.call();
  }

  /** Resolves {@code relOrAbsolute} against this path, unless it is absolute. */
  public FilePath child(String relOrAbsolute) {
    File rel = new File(relOrAbsolute);
    return new FilePath(rel.isAbsolute() ? rel : new File(remote, relOrAbsolute));
  }

  public boolean exists() throws IOException, InterruptedException {
    return new File(remote).exists();
  }

  public boolean isRemote() {
    return false;
  }

  /**
   * Compile-only declaration of Jenkins' {@code FilePath.FileCallable}; see jenkins-api/README.md.
   */
  public interface FileCallable<T> extends Serializable, RoleSensitive {

    T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
  }

  /**
   * The channel a local callable gets, as Jenkins' local channel: it runs callables in this JVM.
   */
  private enum LocalChannel implements VirtualChannel {
    INSTANCE;

    @Override
    public <V, T extends Throwable> V call(Callable<V, T> callable)
        throws IOException, T, InterruptedException {
      return callable.call();
    }
  }
}
