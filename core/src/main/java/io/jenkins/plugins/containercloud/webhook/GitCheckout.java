package io.jenkins.plugins.containercloud.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Checks a pushed commit out with JGit into a work folder that is kept between runs (so that a
 * second build fetches only what is new): fetches the pushed ref, and the commit itself when the
 * ref has moved past it, then resets the folder to exactly that commit and removes everything else.
 */
final class GitCheckout {

  private static final int TIMEOUT_SECONDS = 120;

  private GitCheckout() {}

  /**
   * Leaves {@code folder} holding the job's commit.
   *
   * @throws StepFailure when the repository cannot be fetched or does not have the commit
   */
  static void checkout(BuildJob job, Path folder) throws StepFailure {
    String where = BuildSpec.redact(job.cloneUrl());
    try (Git git = open(folder)) {
      ObjectId commit = ObjectId.fromString(job.commit());
      fetch(git, job.cloneUrl(), "+" + job.ref() + ":refs/webhook/ref");
      if (!has(git.getRepository(), commit)) {
        // The ref moved on (or went away) since the push: ask for the commit itself, which
        // servers allowing reachable ids in "want" (GitHub, GitLab, protocol v2) answer.
        try {
          fetch(git, job.cloneUrl(), "+" + job.commit() + ":refs/webhook/commit");
        } catch (GitAPIException e) {
          throw new StepFailure(
              "commit " + job.commit() + " is not reachable from " + job.ref() + " on " + where);
        }
      }
      if (!has(git.getRepository(), commit)) {
        throw new StepFailure("commit " + job.commit() + " is not on " + where);
      }
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef(job.commit()).call();
      git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
    } catch (GitAPIException e) {
      throw new StepFailure("cannot fetch " + job.ref() + " from " + where + ": " + cause(e));
    } catch (IOException e) {
      throw new StepFailure("cannot use the work folder: " + e.getMessage());
    }
  }

  private static Git open(Path folder) throws IOException, GitAPIException {
    if (Files.isDirectory(folder.resolve(".git"))) {
      return Git.open(folder.toFile());
    }
    Files.createDirectories(folder);
    return Git.init().setDirectory(folder.toFile()).setInitialBranch("webhook").call();
  }

  private static void fetch(Git git, String url, String refSpec) throws GitAPIException {
    git.fetch()
        .setRemote(url)
        .setRefSpecs(new RefSpec(refSpec))
        .setTimeout(TIMEOUT_SECONDS)
        .setTagOpt(org.eclipse.jgit.transport.TagOpt.NO_TAGS)
        .call();
  }

  private static boolean has(Repository repository, ObjectId commit) throws IOException {
    if (!repository.getObjectDatabase().has(commit)) {
      return false;
    }
    try (RevWalk walk = new RevWalk(repository)) {
      walk.parseCommit(commit);
      return true;
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
      return false;
    }
  }

  /** The innermost message, which says what went wrong (not found, refused, timed out). */
  private static String cause(Throwable e) {
    Throwable inner = e;
    while (inner.getCause() != null && inner.getCause() != inner) {
      inner = inner.getCause();
    }
    String message =
        inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
    return BuildSpec.redact(message.lines().findFirst().orElse(message));
  }
}
