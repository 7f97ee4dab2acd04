package io.jenkins.plugins.containercloud.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How both hosts read the dashboard API's requests and write its errors, so that a bad request is
 * refused with the same sentence by {@code serve} and by Jenkins.
 */
public final class ApiRequests {

  private ApiRequests() {}

  /**
   * The {@code limit} query parameter: {@code defaultValue} when absent, else a whole number from 1
   * to {@code max}.
   *
   * @throws ApiException 400 naming the field otherwise
   */
  public static int limit(String text, int defaultValue, int max) {
    if (text == null || text.isBlank()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest("limit", "limit: give a whole number from 1 to " + max);
  }

  /**
   * A JSON request body as {@code type}, refusing fields the type does not have.
   *
   * @throws ApiException 415 for another content type, 400 naming the field at fault
   */
  public static <T> T body(String contentType, byte[] body, Class<T> type) {
    if (contentType == null || !contentType.startsWith("application/json")) {
      throw new ApiException(415, "send the request body as application/json", null);
    }
    try {
      return DashboardJson.MAPPER
          .readerFor(type)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(body);
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest(
          e.getPropertyName(), e.getPropertyName() + ": not a field of this request");
    } catch (MismatchedInputException e) {
      String field =
          e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
      throw ApiException.badRequest(
          field, (field == null ? "body" : field) + ": wrong type of value");
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(null, "the body is not valid JSON");
    } catch (IOException e) {
      throw ApiException.badRequest(null, "the body could not be read");
    }
  }

  /** The error document: {@code {"error": {"status", "message", "field"?}}}. */
  public static Map<String, Object> error(int status, String message, String field) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", status);
    error.put("message", message);
    if (field != null) {
      error.put("field", field);
    }
    return Map.of("error", error);
  }
}
