package io.jenkins.plugins.containercloud.api;

/**
 * A request the dashboard's API refuses: the HTTP status to answer, one sentence, and the field at
 * fault when there is one. Nothing has changed when it is thrown.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String field;

  public ApiException(int status, String message, String field) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, message, field);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message, null);
  }

  public int status() {
    return status;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }
}
