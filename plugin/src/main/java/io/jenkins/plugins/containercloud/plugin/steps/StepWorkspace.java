package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.FilePath;

/** The workspace a step needs, or a message saying to run it inside {@code node}. */
final class StepWorkspace {

  private StepWorkspace() {}

  static FilePath require(StepHost host, String step) throws StepFailedException {
    FilePath workspace = host.workspace();
    if (workspace == null) {
      throw new StepFailedException(
          step + " needs a workspace on an agent: run it inside node { … } (or an agent block)");
    }
    return workspace;
  }
}
