package io.jenkins.plugins.containercloud.plugin.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;

/** Tests for the four steps' descriptors: names, symbols, required context and form checks. */
class StepDescriptorsTest {

  private final ContainerBuildStep.DescriptorImpl build = new ContainerBuildStep.DescriptorImpl();
  private final ContainerPushStep.DescriptorImpl push = new ContainerPushStep.DescriptorImpl();
  private final ContainerDeployStep.DescriptorImpl deploy =
      new ContainerDeployStep.DescriptorImpl();
  private final ContainerRollbackStep.DescriptorImpl rollback =
      new ContainerRollbackStep.DescriptorImpl();

  @Test
  void functionNames_areTheSymbols_andDescribeTheirStep() {
    for (StepDescriptor descriptor : List.of(build, push, deploy, rollback)) {
      assertThat(descriptor.getClass().getAnnotation(Symbol.class).value())
          .containsExactly(descriptor.getFunctionName());
      assertThat(descriptor.clazz).isEqualTo(descriptor.getClass().getEnclosingClass());
      assertThat(descriptor.getDisplayName()).isNotBlank();
      assertThat(descriptor.takesImplicitBlockArgument()).isFalse();
    }
    assertThat(List.of(build, push, deploy, rollback))
        .extracting(StepDescriptor::getFunctionName)
        .containsExactly("containerBuild", "containerPush", "containerDeploy", "containerRollback");
  }

  @Test
  void buildAndPush_runOnAnAgent_deployAndRollback_onlyNeedTheBuild() {
    assertThat(contextOf(build))
        .containsExactlyInAnyOrder(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    assertThat(contextOf(push))
        .containsExactlyInAnyOrder(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    assertThat(contextOf(deploy)).containsExactlyInAnyOrder(Run.class, TaskListener.class);
    assertThat(contextOf(rollback)).containsExactlyInAnyOrder(Run.class, TaskListener.class);
  }

  @Test
  void buildForm_checksItsFields() {
    assertThat(text(build.doCheckImage("registry.example.com/app:1"))).isEqualTo("OK");
    assertThat(text(build.doCheckImage(""))).startsWith("ERROR: image: give an image reference");
    assertThat(text(build.doCheckTags("app:1", "latest, -x"))).startsWith("ERROR: tags: ");
    assertThat(text(build.doCheckBuildArgs("A=1\nB"))).startsWith("ERROR: buildArgs: line 2");
    assertThat(text(build.doCheckLabels("a=b"))).isEqualTo("OK");
    assertThat(text(build.doCheckBase(false, ""))).isEqualTo("OK");
    assertThat(text(build.doCheckBase(true, ""))).startsWith("ERROR: base: ");
    assertThat(text(build.doCheckLayers("www:/www\nbad"))).startsWith("ERROR: &#039;bad&#039;");
    assertThat(text(push.doCheckImage("app@sha256:" + "c".repeat(64))))
        .startsWith("ERROR: image: ");
  }

  @Test
  void deployForms_checkTheirFields() {
    assertThat(text(deploy.doCheckCluster(" "))).startsWith("ERROR: cluster: ");
    assertThat(text(deploy.doCheckImage(""))).isEqualTo("OK");
    assertThat(text(deploy.doCheckImage("app:1"))).isEqualTo("OK");
    assertThat(text(deploy.doCheckMaxSurge("25%"))).isEqualTo("OK");
    assertThat(text(deploy.doCheckMaxUnavailable("half"))).startsWith("ERROR: maxUnavailable: ");
    assertThat(text(deploy.doCheckMinReadySeconds(-3))).startsWith("ERROR: minReadySeconds: ");
    assertThat(text(deploy.doCheckTimeout("5m"))).isEqualTo("OK");
    assertThat(text(deploy.doCheckNamespace("Apps"))).startsWith("ERROR: ");
    assertThat(text(rollback.doCheckTimeout("later"))).startsWith("ERROR: timeout: ");
    assertThat(text(rollback.doCheckCluster("prod"))).isEqualTo("OK");
  }

  @Test
  void poolSteps_areNamedBySymbol_needOnlyTheBuild_andCheckTheirFields() {
    ContainerScaleStep.DescriptorImpl scale = new ContainerScaleStep.DescriptorImpl();
    ContainerCapacityStep.DescriptorImpl capacity = new ContainerCapacityStep.DescriptorImpl();
    for (StepDescriptor descriptor : List.of(scale, capacity)) {
      assertThat(descriptor.getClass().getAnnotation(Symbol.class).value())
          .containsExactly(descriptor.getFunctionName());
      assertThat(descriptor.clazz).isEqualTo(descriptor.getClass().getEnclosingClass());
      assertThat(contextOf(descriptor)).containsExactlyInAnyOrder(Run.class, TaskListener.class);
    }
    assertThat(List.of(scale.getFunctionName(), capacity.getFunctionName()))
        .containsExactly("containerScale", "containerCapacity");
    assertThat(text(scale.doCheckPool("workers"))).isEqualTo("OK");
    assertThat(text(scale.doCheckPool(""))).startsWith("ERROR: pool: ");
    assertThat(text(scale.doCheckNodes("3"))).isEqualTo("OK");
    assertThat(text(scale.doCheckNodes("-1"))).startsWith("ERROR: nodes: ");
    assertThat(text(scale.doCheckNodes("three"))).startsWith("ERROR: nodes: ");
    assertThat(text(scale.doCheckTimeout("10m"))).isEqualTo("OK");
    assertThat(text(capacity.doCheckCpu("1500m"))).isEqualTo("OK");
    assertThat(text(capacity.doCheckCpu("0"))).startsWith("ERROR: cpu: must be more than zero");
    assertThat(text(capacity.doCheckMemory("16Gi"))).isEqualTo("OK");
    assertThat(text(capacity.doCheckMemory("lots"))).startsWith("ERROR: memory: ");
    assertThat(text(capacity.doCheckTimeout("soon"))).startsWith("ERROR: timeout: ");
  }

  /** {@code OK}, or {@code KIND: message} as FormValidation prints itself. */
  private static String text(FormValidation validation) {
    String text = validation.toString();
    return text.startsWith("OK") ? "OK" : text;
  }

  private static java.util.Set<Class<?>> contextOf(StepDescriptor descriptor) {
    return java.util.Set.copyOf(descriptor.getRequiredContext());
  }
}
