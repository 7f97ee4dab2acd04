package org.kohsuke.stapler;

/** Compile-only declaration of Jenkins' {@code HttpResponses}; see jenkins-api/README.md. */
public class HttpResponses {

  private HttpResponses() {}

  public static HttpResponseException ok() {
    throw new UnsupportedOperationException("HttpResponses.ok runs only inside Jenkins");
  }

  public static HttpResponseException status(int code) {
    throw new UnsupportedOperationException("HttpResponses.status runs only inside Jenkins");
  }

  public static HttpResponse text(String text) {
    throw new UnsupportedOperationException("HttpResponses.text runs only inside Jenkins");
  }

  public static HttpRedirect redirectTo(String url) {
    throw new UnsupportedOperationException("HttpResponses.redirectTo runs only inside Jenkins");
  }

  public static HttpResponseException errorWithoutStack(int code, String errorMessage) {
    throw new UnsupportedOperationException(
        "HttpResponses.errorWithoutStack runs only inside Jenkins");
  }

  /**
   * Compile-only declaration of Jenkins' {@code HttpResponses.HttpResponseException}; see
   * jenkins-api/README.md.
   */
  public abstract static class HttpResponseException extends RuntimeException
      implements HttpResponse {

    private HttpResponseException() {}
  }
}
