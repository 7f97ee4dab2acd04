package io.jenkins.plugins.containercloud.jenkinsapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests for {@link ConformanceCheck}, on small fixtures and references of its own. */
class ConformanceCheckTest {

  private static final String SAMPLE = Sample.class.getName();
  private static final String NAMED = Named.class.getName();
  private static final String NAMED_SAMPLE = NamedSample.class.getName();

  /** A declaration that differs from the catalogue below in three ways. */
  public static class Sample {
    public Sample() {}

    public String name() throws IOException {
      return "sample";
    }

    public void extra() {}
  }

  /** An interface with an abstract method, listed. */
  public interface Named {
    String name();
  }

  /** A concrete class that must implement {@link Named#name()}, which its listing leaves out. */
  public static final class NamedSample implements Named {
    @Override
    public String name() {
      return "named";
    }
  }

  @Test
  void reportsDifferingAndUnexpectedMembers_allAtOnce_butNotListedOnesLeftOut() {
    List<String> differences =
        check(
            Set.of(SAMPLE),
            Map.of(),
            "type " + SAMPLE + " class super=java.lang.Object interfaces=-",
            "#   static nested",
            "ctor " + SAMPLE + " public ()V",
            "method " + SAMPLE + " public instance final name ()Ljava/lang/String;",
            "#   src: String name() throws java.io.IOException,InterruptedException",
            "method "
                + SAMPLE
                + " public static concrete create ()L"
                + SAMPLE.replace('.', '/')
                + ";");

    assertThat(differences)
        .containsExactlyInAnyOrder(
            "differs       method "
                + SAMPLE
                + " public instance final name ()Ljava/lang/String;  <- declared as: method "
                + SAMPLE
                + " public instance concrete name ()Ljava/lang/String;",
            "differs       method "
                + SAMPLE
                + ".name()Ljava/lang/String; throws: reference [InterruptedException,"
                + " java.io.IOException], declared [java.io.IOException]",
            "unexpected    method " + SAMPLE + " public instance concrete extra ()V");
  }

  @Test
  void acceptsCatalogueEntriesThatAreNotDeclared_butNotAJarTypeWithoutThem() {
    List<String> differences =
        check(
            Set.of(),
            Map.of(),
            "type " + NAMED + " interface super=- interfaces=-",
            "#   static nested",
            "method " + NAMED + " public instance abstract name ()Ljava/lang/String;",
            "type some.unused.Type class super=java.lang.Object interfaces=-",
            "# ---- non-Jenkins types from Maven Central ----",
            "type java.lang.Runnable interface super=- interfaces=-",
            "method java.lang.Runnable public instance abstract run ()V",
            "method java.lang.Runnable public instance abstract stop ()V",
            "type some.missing.Jar class super=java.lang.Object interfaces=-");

    assertThat(differences)
        .containsExactlyInAnyOrder(
            "missing       method java.lang.Runnable public instance abstract stop ()V",
            "missing       type some.missing.Jar class (from a jar)");
  }

  @Test
  void acceptsTheImplementationsAConcreteClassMustDeclare() {
    List<String> differences =
        check(
            Set.of(NAMED, NAMED_SAMPLE),
            Map.of(),
            "type " + NAMED + " interface super=- interfaces=-",
            "#   static nested",
            "method " + NAMED + " public instance abstract name ()Ljava/lang/String;",
            "type " + NAMED_SAMPLE + " final-class super=java.lang.Object interfaces=" + NAMED,
            "#   decl: implements " + Named.class.getCanonicalName() + "; static nested",
            "ctor " + NAMED_SAMPLE + " public ()V");

    assertThat(differences).isEmpty();
  }

  @Test
  void reportsUnlistedTypes_andDeviationsThatNoLongerOccur() {
    List<String> differences =
        check(
            Set.of(NAMED, SAMPLE),
            Map.of("decl " + NAMED, "a reason that no longer holds"),
            "type " + NAMED + " interface super=- interfaces=-",
            "#   static nested",
            "method " + NAMED + " public instance abstract name ()Ljava/lang/String;");

    assertThat(differences)
        .containsExactlyInAnyOrder(
            "unexpected    type " + SAMPLE,
            "stale deviation: decl " + NAMED + " (a reason that no longer holds) no longer occurs");
  }

  private static List<String> check(
      Set<String> declaredHere, Map<String, String> deviations, String... referenceLines) {
    List<String> lines = new java.util.ArrayList<>(List.of("# ---- listed types and members ----"));
    lines.addAll(List.of(referenceLines));
    return new ConformanceCheck(
            ApiReference.parse(lines),
            ConformanceCheckTest.class.getClassLoader(),
            declaredHere,
            Set.of(),
            new KnownDeviations(deviations))
        .differences();
  }
}
