package io.jenkins.plugins.containercloud.plugin.pages;

/**
 * The answer to an {@link ApiCall}: status, JSON body (empty for 304) and its validator.
 *
 * @param etag the entity tag of a GET's body, so that a poll whose data did not change is answered
 *     304 without a body; null for other answers
 */
public record ApiAnswer(int status, byte[] body, String etag) {

  static final String CONTENT_TYPE = "application/json;charset=UTF-8";
}
