package org.jvnet.hudson.reactor;

/** Compile-only declaration of task-reactor's {@code Milestone}; see jenkins-api/README.md. */
public interface Milestone {}
