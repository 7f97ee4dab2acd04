package io.jenkins.plugins.containercloud.plugin.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request to the dashboard's JSON API in Jenkins, without Jenkins' types: the verb, the path
 * under {@code api/v1} as segments, the query, the body, the validator the browser holds ({@code
 * If-None-Match}) and who asks.
 *
 * @param user the Jenkins user's id, recorded as who started a rollout or rollback
 * @param granted what the user may do on the Container Cloud pages
 * @param administer whether the user is a Jenkins administrator
 */
public record ApiCall(
    String method,
    List<String> path,
    Map<String, String> query,
    String contentType,
    byte[] body,
    String ifNoneMatch,
    String user,
    Set<DashboardPermission> granted,
    boolean administer) {

  /** A query parameter, or null when it is absent or blank. */
  String query(String name) {
    String value = query.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** The path segment at {@code index}. */
  String segment(int index) {
    return path.get(index);
  }
}
