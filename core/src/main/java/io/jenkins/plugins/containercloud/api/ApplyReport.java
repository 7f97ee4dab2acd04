package io.jenkins.plugins.containercloud.api;

import io.jenkins.plugins.containercloud.rollout.ApplyResult;

/** A finished apply of manifests and the id under which the history records it. */
public record ApplyReport(String deploymentId, ApplyResult result) {}
