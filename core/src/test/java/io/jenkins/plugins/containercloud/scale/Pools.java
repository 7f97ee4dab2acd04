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

  /** Pool "web" of 4-CPU, 16 GiB nodes (at most 10) made by {@code provider}. */
  static NodePool web(ProviderSettings provider, String instanceType, String image) {
    NodePool base = pool("web", 4000, 16, 110, 10);
    return new NodePool(
        "web",
        base.cluster(),
        provider,
        new NodeTemplate(
            base.template().allocatable(), Map.of(), List.of(), instanceType, image, null),
        0,
        10,
        10,
        null,
        0.5,
        null,
        base.bootstrap());
  }
}
