package io.jenkins.plugins.containercloud.sandbox;

/** The status counts of a ReplicationController or ReplicaSet. */
record ReplicaCounts(
    int replicas,
    int fullyLabeledReplicas,
    int readyReplicas,
    int availableReplicas,
    long observedGeneration) {}
