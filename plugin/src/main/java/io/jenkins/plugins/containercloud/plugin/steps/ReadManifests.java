package io.jenkins.plugins.containercloud.plugin.steps;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Reads manifest files from the workspace on the agent: path (as given) → YAML text. Only files
 * inside the workspace are read.
 */
final class ReadManifests extends MasterToSlaveFileCallable<Map<String, String>> {

  private static final long serialVersionUID = 1L;

  private final List<String> paths;

  ReadManifests(List<String> paths) {
    this.paths = List.copyOf(paths);
  }

  @Override
  public Map<String, String> invoke(File workspace, VirtualChannel channel) throws IOException {
    WorkspacePaths inWorkspace = new WorkspacePaths(workspace);
    Map<String, String> manifests = new LinkedHashMap<>();
    for (String path : paths) {
      Path file = inWorkspace.resolve("manifests", path);
      if (!Files.isRegularFile(file)) {
        throw new StepFailedException(
            "manifests: " + path + " is not a file in the workspace (" + file + ")");
      }
      manifests.put(path, Files.readString(file, StandardCharsets.UTF_8));
    }
    return manifests;
  }
}
