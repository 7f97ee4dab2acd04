package io.jenkins.plugins.containercloud.standalone;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"container-cloud " + (version == null ? "(development build)" : version)};
  }
}
