package io.jenkins.plugins.containercloud.jenkinsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hudson.Extension;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tests the declarations of this module against the shared Jenkins API catalogue, {@code
 * ../shared/jenkins-api/catalogue.txt} beside the project root: every declaration is in the
 * catalogue and matches it exactly, and nothing else is declared.
 */
class JenkinsApiConformanceTest {

  /** Listed in the reference's first section, but real: sezpoz's jar provides it. */
  private static final Set<String> FROM_JARS = Set.of("net.java.sezpoz.Indexable");

  @Test
  void everyDeclarationIsInTheCatalogue_matchesItExactly_andNothingElseIsDeclared()
      throws Exception {
    Path reference = referenceFile();
    boolean present = Files.isRegularFile(reference);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("The Jenkins API reference must be present in CI: " + reference);
    }
    assumeTrue(
        present,
        () ->
            "The Jenkins API reference is unavailable ("
                + reference
                + " is absent), so the declarations are not checked; see jenkins-api/README.md");

    ConformanceCheck check =
        new ConformanceCheck(
            ApiReference.parse(Files.readAllLines(reference)),
            getClass().getClassLoader(),
            ConformanceCheck.classesUnder(classesDirectory()),
            FROM_JARS,
            KnownDeviations.ofJenkinsApi());
    List<String> differences = check.differences();

    assertThat(differences)
        .withFailMessage(
            () ->
                differences.size()
                    + " differences from the Jenkins API reference "
                    + reference
                    + ":\n  "
                    + String.join("\n  ", differences))
        .isEmpty();
  }

  /** Where the declarations are compiled to: the directory holding {@link Extension}. */
  private static Path classesDirectory() throws URISyntaxException {
    return Path.of(Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** The project root is the parent of this module; the reference lives beside it, in shared/. */
  private static Path referenceFile() throws URISyntaxException, IOException {
    Path testClasses =
        Path.of(
            JenkinsApiConformanceTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path module = testClasses.getParent().getParent();
    Path projectRoot = module.getParent();
    return projectRoot.resolve("../shared/jenkins-api/catalogue.txt").normalize();
  }
}
