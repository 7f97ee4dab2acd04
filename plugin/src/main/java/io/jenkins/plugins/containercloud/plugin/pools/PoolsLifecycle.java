package io.jenkins.plugins.containercloud.plugin.pools;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import io.jenkins.plugins.containercloud.plugin.ContainerCloudConfiguration;
import io.jenkins.plugins.containercloud.plugin.CredentialResolver;

/**
 * Where Jenkins drives the {@link AutoscalerHost}: it starts once the configuration (and any
 * configuration as code) is loaded, follows every saved change, and stops when Jenkins does.
 */
public final class PoolsLifecycle {

  private PoolsLifecycle() {}

  /** The configuration is loaded: the autoscalers of its pools start. */
  @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
  public static void start() {
    configured(ContainerCloudConfiguration.get());
    AutoscalerHost.INSTANCE.start();
  }

  /** The configuration was saved: the autoscalers restart if their part of it changed. */
  public static void configured(ContainerCloudConfiguration configuration) {
    AutoscalerHost.INSTANCE.reconfigure(
        PoolsRuntime.key(configuration),
        () -> PoolsRuntime.open(configuration, CredentialResolver.system()));
  }

  /** Jenkins stops: so do the autoscalers (their machines stay; the next start adopts them). */
  @Terminator
  public static void stop() {
    AutoscalerHost.INSTANCE.stop();
  }
}
