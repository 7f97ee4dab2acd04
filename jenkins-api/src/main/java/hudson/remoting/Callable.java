package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/** Compile-only declaration of Jenkins' {@code Callable}; see jenkins-api/README.md. */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {

  V call() throws T;
}
