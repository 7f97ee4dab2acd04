package io.jenkins.plugins.containercloud.api;

import io.jenkins.plugins.containercloud.rollout.RolloutResult;

/** A finished rollout and the id under which the history records it. */
public record DeploymentReport(String deploymentId, RolloutResult result) {}
