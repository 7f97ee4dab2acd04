package io.jenkins.plugins.containercloud.scale;

import java.util.List;
import java.util.Map;

/** Node pools for tests: a provider-less pool of a given node size. */
final class Pools {

  static final long GI = 1024L * 1024 * 1024;

  private Pools() {}

  static NodePool pool(String name, long cpuMillis, long memoryGi, int pods, int max) {
    return pool(name, new Resources(cpuMillis, memoryGi * GI, pods), Map.of(), List.of(), max);
  }

  static NodePool pool(
      String name, Resources allocatable, Map<String, String> labels, List<Taint> taints, int max) {
    return new NodePool(
        name,
        "testbed",
        new ProviderSettings("command", Map.of("command", "true")),
        new NodeTemplate(allocatable, labels, taints, "m5.xlarge", "ami-0", "subnet-0"),
        0,
        max,
        max,
        null,
        0.5,
        null,
        new Bootstrap("#!/bin/sh\n${joinCommand}\n", "kubeadm join --token ${token}", null));
  }
}
