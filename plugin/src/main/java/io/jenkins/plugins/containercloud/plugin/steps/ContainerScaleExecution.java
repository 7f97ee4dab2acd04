package io.jenkins.plugins.containercloud.plugin.steps;

import io.jenkins.plugins.containercloud.api.ApiException;
import io.jenkins.plugins.containercloud.api.Scaling;
import io.jenkins.plugins.containercloud.plugin.SecretMasker;
import io.jenkins.plugins.containercloud.scale.PoolResize;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code containerScale}: asks the controller's autoscaler to bring the pool to the number of
 * nodes (the same resize as the Scaling page's), then waits until it has them all Ready and none
 * coming or draining.
 */
final class ContainerScaleExecution extends ContainerCloudExecution<Map<String, Object>> {

  private static final long serialVersionUID = 1L;

  /** How often the pool is looked at while waiting. */
  static final Duration POLL = Duration.ofSeconds(1);

  private final transient ContainerScaleStep step;

  ContainerScaleExecution(ContainerScaleStep step, StepContext context, StepHost.Factory hosts) {
    super(context, hosts);
    this.step = step;
  }

  @Override
  Map<String, Object> run(StepHost host, SecretMasker masker) throws Exception {
    String pool = PoolArguments.pool(step.getPool());
    int nodes = PoolArguments.nodes(step.getNodes());
    Duration timeout = PoolArguments.timeout(step.getTimeout());
    Scaling scaling = scaling(host);
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    PoolResize resize = null;
    while (resize == null) {
      try {
        resize = scaling.resize(pool, nodes, host.buildName());
      } catch (ApiException e) {
        // 503: the pool's cluster is not connected yet (Jenkins just started): wait for it.
        if (e.status() != 503 || Instant.now().isAfter(deadline)) {
          throw new StepFailedException("containerScale: " + e.getMessage());
        }
        Thread.sleep(POLL.toMillis());
      }
    }
    host.listener()
        .getLogger()
        .println(
            "containerScale: pool "
                + pool
                + " has "
                + resize.from()
                + " machines; "
                + (resize.ordered() > 0
                    ? "ordered " + resize.ordered()
                    : resize.cordoned().isEmpty()
                        ? "nothing to change"
                        : "draining " + String.join(", ", resize.cordoned()))
                + "; waiting for "
                + nodes
                + " Ready nodes");
    String waiting = scaling.waitingFor(pool, nodes);
    while (waiting != null) {
      if (Instant.now().isAfter(deadline)) {
        throw new StepFailedException(
            "containerScale: pool "
                + pool
                + " did not reach "
                + nodes
                + " nodes within "
                + PoolArguments.text(timeout)
                + ": "
                + waiting
                + "; the Scaling page shows why");
      }
      Thread.sleep(POLL.toMillis());
      waiting = scaling.waitingFor(pool, nodes);
    }
    host.listener()
        .getLogger()
        .println("containerScale: pool " + pool + " has " + nodes + " Ready nodes");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("pool", pool);
    result.put("from", resize.from());
    result.put("nodes", nodes);
    result.put("ordered", resize.ordered());
    result.put("drained", resize.cordoned());
    result.put("seconds", Duration.between(start, Instant.now()).toSeconds());
    return result;
  }

  private static Scaling scaling(StepHost host) throws StepFailedException {
    try {
      return host.scaling();
    } catch (ApiException e) {
      throw new StepFailedException("containerScale: " + e.getMessage());
    }
  }
}
