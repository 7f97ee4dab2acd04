package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/** Compile-only declaration of Jenkins' {@code StaplerResponse2}; see jenkins-api/README.md. */
public interface StaplerResponse2 extends HttpServletResponse {}
