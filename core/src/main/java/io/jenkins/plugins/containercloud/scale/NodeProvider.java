package io.jenkins.plugins.containercloud.scale;

import java.util.List;

/**
 * Makes and ends the machines of node pools on one IaaS. Every machine it makes is marked with its
 * pool, its owner and its request's idempotency key, so that {@link #listOwned} finds every one of
 * them again after a restart and nothing is ever left running unknown.
 */
public interface NodeProvider extends AutoCloseable {

  /** The tag (or label, metadata key) naming a machine's pool. */
  String POOL_TAG = "container-cloud.io/pool";

  /** The tag naming who owns a machine: this installation's owner id. */
  String OWNER_TAG = "container-cloud.io/owner";

  /** The tag holding the idempotency key of the request that made a machine. */
  String REQUEST_TAG = "container-cloud.io/request";

  /**
   * Makes {@code request.count()} machines, or returns those an earlier call with the same key
   * made.
   */
  List<Machine> create(CreateRequest request);

  /** Every machine of {@code pool} this owner has that is not terminated. */
  List<Machine> listOwned(String pool);

  /** Ends machine {@code id}; no error when it is already gone. */
  void delete(String id);

  @Override
  default void close() {}
}
