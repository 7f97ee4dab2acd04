package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

/** Compile-only declaration of Jenkins' {@code StaplerRequest2}; see jenkins-api/README.md. */
public interface StaplerRequest2 extends HttpServletRequest {

  String getRestOfPath();
}
