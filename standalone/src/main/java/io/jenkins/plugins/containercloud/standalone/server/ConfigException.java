package io.jenkins.plugins.containercloud.standalone.server;

/**
 * The server's configuration is wrong: names the key's path (e.g. {@code clusters[0].kubeconfig})
 * and the fix. The server does not start.
 */
public final class ConfigException extends IllegalArgumentException {

  public ConfigException(String path, String problem) {
    super(path + ": " + problem);
  }
}
