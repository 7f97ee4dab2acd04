package io.jenkins.plugins.containercloud.history;

/**
 * A write waiting in a {@link RetryingHistoryWriter}: which deployment, what (with the outcome for
 * an end), how many attempts failed so far and the last failure (null before the first attempt).
 */
public record PendingHistoryWrite(
    String deploymentId, String description, int failedAttempts, String lastFailure) {}
