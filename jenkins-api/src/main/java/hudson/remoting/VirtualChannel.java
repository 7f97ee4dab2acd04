package hudson.remoting;

import java.io.IOException;

/** Compile-only declaration of Jenkins' {@code VirtualChannel}; see jenkins-api/README.md. */
public interface VirtualChannel {

  <V, T extends Throwable> V call(Callable<V, T> callable)
      throws IOException, T, InterruptedException;
}
