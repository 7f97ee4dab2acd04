package io.jenkins.plugins.containercloud.rollout;

import io.jenkins.plugins.containercloud.cluster.Cluster;
import io.jenkins.plugins.containercloud.cluster.NamespaceState;

/** What every phase of one ReplicationController rolling update works with. */
record RollingUpdateContext(
    Cluster cluster,
    WorkloadTarget target,
    RolloutParameters parameters,
    NamespaceState state,
    ReplicationControllers controllers,
    RolloutReporter reporter) {}
