package io.jenkins.plugins.containercloud.webhook;

import io.jenkins.plugins.containercloud.events.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Checks a pushed commit out with JGit into a work folder that is kept between runs (so that a
 * second build fetches only what is new): fetches the pushed ref, and the commit itself when the
 * ref has moved past it, then resets the folder to exactly that commit and removes everything else.
 * A private repository is fetched over HTTPS with the rule's {@link GitLogin}, given to JGit's
 * credentials provider (never written into the URL).
 */
final class GitCheckout {

  private static final int TIMEOUT_SECONDS = 120;

  private GitCheckout() {}

  /**
   * Leaves {@code folder} holding the job's commit.
   *
   * @throws StepFailure when the repository cannot be fetched or does not have the commit
   */
  static void checkout(BuildJob job, Path folder, Optional<GitLogin> login, ProgressListener log)
      throws StepFailure {
    String where = BuildSpec.redact(job.cloneUrl());
    if (login.isPresent()) {
      try {
        GitLogin.checkUrl("the clone URL", job.cloneUrl());
      } catch (IllegalArgumentException e) {
        throw new StepFailure(e.getMessage());
      }
    }
    CredentialsProvider credentials =
        login
            .<CredentialsProvider>map(
                l -> new UsernamePasswordCredentialsProvider(l.username(), l.password()))
            .orElse(null);
    try (Git git = open(folder)) {
      ObjectId commit = ObjectId.fromString(job.commit());
      log.progress(
          "fetching " + job.ref() + " from " + where + (login.isPresent() ? " with a login" : ""));
      fetch(git, job.cloneUrl(), "+" + job.ref() + ":refs/webhook/ref", credentials);
      if (!has(git.getRepository(), commit)) {
        // The ref moved on (or went away) since the push: ask for the commit itself, which
        // servers allowing reachable ids in "want" (GitHub, GitLab, protocol v2) answer.
        log.progress(job.ref() + " has moved past " + job.commit() + "; fetching the commit");
        try {
          fetch(git, job.cloneUrl(), "+" + job.commit() + ":refs/webhook/commit", credentials);
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
      log.progress("checked out " + job.commit() + " into the work folder " + job.folder());
    } catch (GitAPIException e) {
      throw new StepFailure(
          "cannot fetch " + job.ref() + " from " + where + ": " + explain(cause(e), login));
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

  private static void fetch(Git git, String url, String refSpec, CredentialsProvider credentials)
      throws GitAPIException {
    git.fetch()
        .setRemote(url)
        .setCredentialsProvider(credentials)
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

  /** What to do about a refused login, said plainly; other causes as they are. */
  private static String explain(String cause, Optional<GitLogin> login) {
    if (cause.contains("not authorized")) {
      return login
          .map(
              l ->
                  "the server refused user "
                      + l.username()
                      + " (check the password or token of the rule's build.gitCredentials)")
          .orElse("the server asks for a login; give the rule's build.gitCredentials");
    }
    if (cause.contains("no CredentialsProvider")) {
      return "the server asks for a login; give the rule's build.gitCredentials";
    }
    return cause;
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
