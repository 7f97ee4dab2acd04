package hudson.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Compile-only declaration of Jenkins' {@code ACL}; see jenkins-api/README.md. */
public abstract class ACL {

  /** The system's own identity, made as Jenkins makes it. */
  public static final Authentication SYSTEM2 =
      new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");

  private ACL() {}

  public static ACLContext as2(Authentication auth) {
    throw new UnsupportedOperationException("ACL.as2 runs only inside Jenkins");
  }
}
