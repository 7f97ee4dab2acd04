package hudson.security.csrf;

import hudson.ExtensionPoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Compile-only declaration of Jenkins' {@code CrumbExclusion}; see jenkins-api/README.md. */
public abstract class CrumbExclusion implements ExtensionPoint {

  public CrumbExclusion() {}

  public boolean process(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    throw new UnsupportedOperationException("CrumbExclusion.process runs only inside Jenkins");
  }
}
