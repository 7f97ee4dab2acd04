package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.cluster.ClusterException;
import io.jenkins.plugins.containercloud.history.HistoryException;
import io.jenkins.plugins.containercloud.image.ImageBuildException;
import io.jenkins.plugins.containercloud.registry.RegistryException;
import java.io.UncheckedIOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The common part of the steps' executions: they run off the CPS thread (Jenkins interrupts that
 * thread when the build is aborted), take what they need from a {@link StepHost}, and turn the
 * engine's failures into a {@link StepFailedException} whose message names the cause, masked.
 */
abstract class ContainerCloudExecution<T> extends SynchronousNonBlockingStepExecution<T> {

  private static final long serialVersionUID = 1L;

  private final transient StepHost.Factory hosts;

  ContainerCloudExecution(StepContext context, StepHost.Factory hosts) {
    super(context);
    this.hosts = hosts;
  }

  @Override
  protected final T run() throws Exception {
    StepHost host = hosts.open(getContext());
    SecretMasker masker = new SecretMasker();
    try {
      return run(host, masker);
    } catch (IllegalArgumentException
        | ClusterException
        | RegistryException
        | ImageBuildException
        | HistoryException
        | UncheckedIOException e) {
      String message = masker.mask(e.getMessage());
      host.listener().error(message);
      throw new StepFailedException(message);
    } catch (StepFailedException e) {
      host.listener().error(e.getMessage());
      throw e;
    }
  }

  /** The step's work; {@code masker} collects every secret the step resolves. */
  abstract T run(StepHost host, SecretMasker masker) throws Exception;
}
