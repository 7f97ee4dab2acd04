package io.jenkins.plugins.containercloud.rollout;

/** The workload (or its namespace) was deleted while it was being updated: nothing to roll back. */
final class WorkloadDeleted extends Exception {

  private static final long serialVersionUID = 1L;

  WorkloadDeleted(WorkloadTarget target) {
    super(
        target
            + " was deleted during the update (it, or the namespace "
            + target.namespace()
            + "): the update stopped; recreate the workload and deploy again");
  }
}
