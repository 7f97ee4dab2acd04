package io.jenkins.plugins.containercloud.standalone.server;

/**
 * Who sent a request: a user (by session cookie, with the CSRF token that session expects) or an
 * API token (by {@code Authorization: Bearer}, which needs no CSRF token).
 */
record Principal(String name, Role role, String csrfToken, boolean viaToken) {

  boolean may(Role needed) {
    return role.covers(needed);
  }
}
