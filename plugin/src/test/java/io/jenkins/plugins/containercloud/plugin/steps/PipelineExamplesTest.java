package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.containercloud.plugin.ProjectFiles;
import io.jenkins.plugins.containercloud.rollout.RolloutOutcome;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Runs the documentation: every Container Cloud step the example Jenkinsfiles call exists, every
 * named argument they pass is one the step binds, every key they read from a step's result ({@code
 * built.reference}) is one the step returns, and together they use all four steps.
 */
class PipelineExamplesTest {

  private static final Map<String, Class<?>> STEPS =
      Map.of(
          "containerBuild", ContainerBuildStep.class,
          "containerPush", ContainerPushStep.class,
          "containerDeploy", ContainerDeployStep.class,
          "containerRollback", ContainerRollbackStep.class);

  private static final Pattern CALL = Pattern.compile("\\b(container[A-Z]\\w*)\\s*\\(");
  private static final Pattern ARGUMENT = Pattern.compile("^\\s*([A-Za-z_]\\w*)\\s*:");

  /** {@code built = containerBuild(} or {@code def built = containerBuild(}. */
  private static final Pattern RESULT =
      Pattern.compile("(?<![.\\w])(?:def\\s+)?([A-Za-z_]\\w*)\\s*=\\s*(container[A-Z]\\w*)\\s*\\(");

  /**
   * The keys of the map each step returns to the script, from the code that builds it (the
   * executions return {@link ImageOutput#toMap} and {@link DeploymentSummary#toMap}); {@code
   * containerPush} returns the pinned reference, a string without keys.
   */
  private static final Map<String, Set<String>> RETURNED_KEYS =
      Map.of(
          "containerBuild",
          new ImageOutput("r", "sha256:d", List.of("t"), "i").toMap().keySet(),
          "containerPush",
          Set.of(),
          "containerDeploy",
          deploymentKeys(),
          "containerRollback",
          deploymentKeys());

  @Test
  void declarativeExample_usesAllFourSteps_withArgumentsTheyTake() throws Exception {
    assertThat(checkedCalls("docs/examples/Jenkinsfile")).containsAll(STEPS.keySet());
  }

  @Test
  void scriptedExample_usesAllFourSteps_withArgumentsTheyTake() throws Exception {
    assertThat(checkedCalls("docs/examples/Jenkinsfile.scripted")).containsAll(STEPS.keySet());
  }

  @Test
  void declarativeExample_readsOnlyKeysTheStepsReturn() throws Exception {
    assertThat(checkedResultKeys("docs/examples/Jenkinsfile"))
        .contains("built.reference", "deployed.deploymentId", "deployed.durationMillis");
  }

  @Test
  void scriptedExample_readsOnlyKeysTheStepsReturn() throws Exception {
    assertThat(checkedResultKeys("docs/examples/Jenkinsfile.scripted"))
        .contains("built.reference", "result.imageBefore", "restored.imageAfter");
  }

  @Test
  void theChecker_findsKeysNoStepReturns() {
    assertThat(
            resultProblems(
                "def deployed = containerDeploy(cluster: 'a')\n"
                    + "echo \"${deployed.deploymentID} ${deployed.outcome}\"\n"
                    + "pinned = containerPush(image: 'a:1')\n"
                    + "echo pinned.digest\n"
                    + "echo env.pinned.x"))
        .containsExactly(
            "deployed.deploymentID: containerDeploy returns no key 'deploymentID'",
            "pinned.digest: containerPush returns no key 'digest'");
  }

  @Test
  void theGuide_showsBothExamples() throws Exception {
    String guide = Files.readString(ProjectFiles.find("docs/jenkins.md"));
    for (String example :
        List.of("docs/examples/Jenkinsfile", "docs/examples/Jenkinsfile.scripted")) {
      String text = Files.readString(ProjectFiles.find(example));
      assertThat(guide).as(example).contains(text.strip());
    }
  }

  @Test
  void theChecker_findsUnknownStepsAndArguments() {
    assertThat(problems("containerDeploy(cluster: 'a', deploymnt: 'web')"))
        .containsExactly("containerDeploy has no argument 'deploymnt'");
    assertThat(problems("x = containerBiuld(image: 'a:1')"))
        .containsExactly("containerBiuld is not a Container Cloud step");
    assertThat(problems("containerBuild(image: \"a:${tag(x: 1)}\", tags: [a: 1].a)")).isEmpty();
  }

  private static Set<String> checkedCalls(String file) throws Exception {
    String script = Files.readString(ProjectFiles.find(file));
    assertThat(problems(script)).as(file).isEmpty();
    Set<String> used = new TreeSet<>();
    Matcher m = CALL.matcher(script);
    while (m.find()) {
      used.add(m.group(1));
    }
    return used;
  }

  private static Set<String> checkedResultKeys(String file) throws Exception {
    String script = Files.readString(ProjectFiles.find(file));
    assertThat(resultProblems(script)).as(file).isEmpty();
    return resultUses(script).keySet();
  }

  /** Every {@code result.key} in {@code script} whose step returns no such key. */
  static List<String> resultProblems(String script) {
    List<String> problems = new ArrayList<>();
    resultUses(script)
        .forEach(
            (use, step) -> {
              String key = use.substring(use.indexOf('.') + 1);
              if (!RETURNED_KEYS.get(step).contains(key)) {
                problems.add(use + ": " + step + " returns no key '" + key + "'");
              }
            });
    return problems;
  }

  /** Each {@code result.key} read in {@code script}, in order, with the step that made result. */
  private static Map<String, String> resultUses(String script) {
    Map<String, String> stepOf = new LinkedHashMap<>();
    Matcher assignment = RESULT.matcher(script);
    while (assignment.find()) {
      if (STEPS.containsKey(assignment.group(2))) {
        stepOf.put(assignment.group(1), assignment.group(2));
      }
    }
    Map<String, String> uses = new LinkedHashMap<>();
    stepOf.forEach(
        (variable, step) -> {
          Matcher use =
              Pattern.compile("(?<![.\\w])" + Pattern.quote(variable) + "\\.([A-Za-z_]\\w*)")
                  .matcher(script);
          while (use.find()) {
            uses.put(variable + "." + use.group(1), step);
          }
        });
    return uses;
  }

  private static Set<String> deploymentKeys() {
    return new DeploymentSummary(
            "id",
            "deploy",
            "cluster",
            "namespace",
            "Deployment",
            "name",
            "before",
            "after",
            "after",
            RolloutOutcome.SUCCEEDED,
            1,
            null)
        .toMap()
        .keySet();
  }

  /** Every unknown step and argument in {@code script}. */
  static List<String> problems(String script) {
    List<String> problems = new ArrayList<>();
    Matcher m = CALL.matcher(script);
    while (m.find()) {
      Class<?> step = STEPS.get(m.group(1));
      if (step == null) {
        problems.add(m.group(1) + " is not a Container Cloud step");
        continue;
      }
      Set<String> known = arguments(step);
      for (String argument : topLevelArguments(script, m.end())) {
        if (!known.contains(argument)) {
          problems.add(m.group(1) + " has no argument '" + argument + "'");
        }
      }
    }
    return problems;
  }

  /** The {@code name:} keys of the call's own argument list, skipping strings and nesting. */
  private static List<String> topLevelArguments(String script, int start) {
    List<String> names = new ArrayList<>();
    int depth = 1;
    StringBuilder segment = new StringBuilder();
    for (int i = start; i < script.length() && depth > 0; i++) {
      char c = script.charAt(i);
      if (c == '\'' || c == '"') {
        i = endOfString(script, i);
        segment.append("\"\"");
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
      if (depth == 1 && c == ',' || depth == 0) {
        Matcher name = ARGUMENT.matcher(segment);
        if (name.find()) {
          names.add(name.group(1));
        }
        segment.setLength(0);
      } else if (depth == 1) {
        segment.append(c);
      }
    }
    return names;
  }

  private static int endOfString(String script, int start) {
    char quote = script.charAt(start);
    boolean triple = script.startsWith(String.valueOf(quote).repeat(3), start);
    String end = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
    int i = start + end.length();
    while (i < script.length()) {
      if (script.charAt(i) == '\\') {
        i += 2;
      } else if (script.startsWith(end, i)) {
        return i + end.length() - 1;
      } else {
        i++;
      }
    }
    return script.length();
  }

  private static Set<String> arguments(Class<?> step) {
    Set<String> names = new TreeSet<>();
    for (Constructor<?> constructor : step.getConstructors()) {
      if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
        for (Parameter parameter : constructor.getParameters()) {
          names.add(parameter.getName());
        }
      }
    }
    for (Method method : step.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class)) {
        String name = method.getName().substring(3);
        names.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
      }
    }
    return names;
  }
}
