package io.jenkins.plugins.containercloud.scale;

/** Makes the {@link NodeProvider} a pool's settings name. */
public final class NodeProviders {

  private NodeProviders() {}

  /** The provider of {@code settings}, owning machines as {@code owner}. */
  public static NodeProvider of(ProviderSettings settings, String owner) {
    return switch (settings.type()) {
      case "ec2" -> Ec2NodeProvider.connect(settings, owner);
      case "command" -> new CommandNodeProvider(settings, owner);
      case "qingcloud" -> QingCloudNodeProvider.connect(settings, owner);
      case "openstack" -> OpenStackNodeProvider.connect(settings, owner);
      default ->
          throw new IllegalArgumentException(
              "provider.type "
                  + settings.type()
                  + " is not known: use ec2, qingcloud, openstack or command");
    };
  }

  /** Checks {@code settings} without calling the provider; an error names the setting and fix. */
  public static void validate(ProviderSettings settings) {
    switch (settings.type()) {
      case "qingcloud" -> QingCloudNodeProvider.validate(settings);
      case "openstack" -> OpenStackNodeProvider.check(settings);
      default -> {
        // ec2, command and simulated are checked when the provider is made.
      }
    }
  }
}
