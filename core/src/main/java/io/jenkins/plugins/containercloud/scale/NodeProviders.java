package io.jenkins.plugins.containercloud.scale;

/** Makes the {@link NodeProvider} a pool's settings name. */
public final class NodeProviders {

  private NodeProviders() {}

  /** The provider of {@code settings}, owning machines as {@code owner}. */
  public static NodeProvider of(ProviderSettings settings, String owner) {
    return switch (settings.type()) {
      case "ec2" -> Ec2NodeProvider.connect(settings, owner);
      case "command" -> new CommandNodeProvider(settings, owner);
      case "openstack" -> OpenStackNodeProvider.connect(settings, owner);
      default ->
          throw new IllegalArgumentException(
              "provider.type "
                  + settings.type()
                  + " is not known: use ec2, openstack or command (QingCloud is not built yet)");
    };
  }

  /**
   * Checks the settings of the providers that can be checked without connecting (openstack); fails
   * naming the setting. Other types pass.
   */
  public static void check(ProviderSettings settings) {
    if ("openstack".equals(settings.type())) {
      OpenStackNodeProvider.check(settings);
    }
  }
}
