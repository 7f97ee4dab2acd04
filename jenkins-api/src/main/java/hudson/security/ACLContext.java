package hudson.security;

/** Compile-only declaration of Jenkins' {@code ACLContext}; see jenkins-api/README.md. */
public class ACLContext implements AutoCloseable {

  private ACLContext() {}

  @Override
  public void close() {
    throw new UnsupportedOperationException("ACLContext.close runs only inside Jenkins");
  }
}
