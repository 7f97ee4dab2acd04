package io.jenkins.plugins.containercloud.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;

/**
 * The testbed's Git server for code-push tests: new bare repositories in {@code TESTBED_GIT_ROOT},
 * served by {@code git daemon} at {@code TESTBED_GIT_URL} (pushes allowed) and, behind Basic auth,
 * at {@code TESTBED_GIT_HTTP_URL}; and commits pushed to them as a developer would.
 */
public final class TestbedGit {

  private TestbedGit() {}

  /** Creates the bare repository {@code name.git}; returns its {@code git://} URL. */
  public static String newRepository(String name) throws Exception {
    Git.init()
        .setBare(true)
        .setDirectory(Path.of(Testbed.require("TESTBED_GIT_ROOT"), name + ".git").toFile())
        .call()
        .close();
    return Testbed.require("TESTBED_GIT_URL") + "/" + name + ".git";
  }

  /**
   * Writes {@code files} (paths relative to the work tree of {@code git}), commits them and pushes
   * the commit to {@code url}'s main branch; returns the commit id.
   */
  public static String commitAndPush(Git git, String url, Map<String, String> files, String message)
      throws Exception {
    Path tree = git.getRepository().getWorkTree().toPath();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = tree.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    String id = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call().getName();
    git.push().setRemote(url).setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
    return id;
  }
}
