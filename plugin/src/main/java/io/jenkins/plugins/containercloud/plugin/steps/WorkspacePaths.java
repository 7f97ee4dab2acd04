package io.jenkins.plugins.containercloud.plugin.steps;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The paths a step's arguments name, resolved on the agent and kept inside the workspace: an
 * absolute path, {@code ..} or a symbolic link that leads out of it is refused, with the argument
 * named, so that a Pipeline cannot read the agent's other files through a step.
 */
final class WorkspacePaths {

  private final Path workspace;

  WorkspacePaths(File workspace) {
    this.workspace = workspace.toPath().toAbsolutePath().normalize();
  }

  /** {@code path} resolved against the workspace. */
  Path resolve(String argument, String path) throws StepFailedException {
    return resolve(argument, workspace, path);
  }

  /** {@code path} resolved against {@code base}, a directory inside the workspace. */
  Path resolve(String argument, Path base, String path) throws StepFailedException {
    Path resolved;
    try {
      resolved = base.resolve(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new StepFailedException(
          argument + ": " + path + " is not a path (" + e.getReason() + ")");
    }
    if (!resolved.startsWith(workspace)) {
      throw outside(argument, path, "resolves to " + resolved);
    }
    Path real = realPath(resolved);
    if (!real.startsWith(realPath(workspace))) {
      throw outside(argument, path, "leads through a symbolic link to " + real);
    }
    return resolved;
  }

  /**
   * The real path of {@code path}'s longest existing part, with the rest appended: a file that does
   * not exist yet is inside when the directory it would be in is.
   */
  private static Path realPath(Path path) throws StepFailedException {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    } catch (IOException e) {
      throw new StepFailedException("cannot read " + existing + ": " + e.getMessage());
    }
  }

  private StepFailedException outside(String argument, String path, String where) {
    return new StepFailedException(
        argument
            + ": must be inside the workspace ("
            + path
            + " "
            + where
            + ", outside "
            + workspace
            + "); give a path relative to the workspace");
  }
}
