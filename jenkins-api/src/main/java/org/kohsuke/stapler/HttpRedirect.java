package org.kohsuke.stapler;

/** Compile-only declaration of Jenkins' {@code HttpRedirect}; see jenkins-api/README.md. */
public final class HttpRedirect extends RuntimeException implements HttpResponse {

  private final String url;

  public HttpRedirect(String url) {
    this.url = url;
  }
}
