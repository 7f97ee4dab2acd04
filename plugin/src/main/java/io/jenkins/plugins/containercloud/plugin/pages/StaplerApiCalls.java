package io.jenkins.plugins.containercloud.plugin.pages;

import io.jenkins.plugins.containercloud.api.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** Turns a Stapler request into an {@link ApiCall}, and writes an {@link ApiAnswer}. */
final class StaplerApiCalls {

  /** The API's version prefix, as {@code serve}'s {@code /api/v1}. */
  static final String VERSION = "/v1";

  /** The query parameters the routes read. */
  static final List<String> PARAMETERS =
      List.of(
          "namespace",
          "workload",
          "phase",
          "limit",
          "type",
          "cluster",
          "kind",
          "name",
          "outcome",
          "trigger");

  /** The largest request body read, as {@code serve}'s. */
  static final int MAX_BODY = 1024 * 1024;

  private StaplerApiCalls() {}

  /**
   * The call {@code request} makes, or an {@link ApiException} (404) when it is not under {@value
   * #VERSION}, (413) when its body is too large.
   */
  static ApiCall read(
      StaplerRequest2 request, String user, Set<DashboardPermission> granted, boolean administer)
      throws IOException {
    String rest = request.getRestOfPath();
    if (rest == null || !(rest.equals(VERSION) || rest.startsWith(VERSION + "/"))) {
      throw ApiException.notFound("the API is under api" + VERSION + "/");
    }
    List<String> path =
        Arrays.stream(rest.substring(VERSION.length()).split("/"))
            .filter(s -> !s.isEmpty())
            .toList();
    Map<String, String> query = new LinkedHashMap<>();
    for (String name : PARAMETERS) {
      String value = request.getParameter(name);
      if (value != null) {
        query.put(name, value);
      }
    }
    byte[] body = new byte[0];
    if ("POST".equals(request.getMethod())) {
      try (InputStream in = request.getInputStream()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        throw new ApiException(413, "the request body is larger than 1 MiB", null);
      }
    }
    return new ApiCall(
        request.getMethod(),
        path,
        query,
        request.getContentType(),
        body,
        request.getHeader("If-None-Match"),
        user,
        granted,
        administer);
  }

  /** Writes {@code answer}: never cached without asking (the data is live), validated by ETag. */
  static void write(ApiAnswer answer, StaplerResponse2 response) throws IOException {
    response.setStatus(answer.status());
    response.setHeader("Cache-Control", "no-cache");
    if (answer.etag() != null) {
      response.setHeader("ETag", answer.etag());
    }
    if (answer.status() != 304) {
      response.setContentType(ApiAnswer.CONTENT_TYPE);
      response.getOutputStream().write(answer.body());
    }
  }
}
