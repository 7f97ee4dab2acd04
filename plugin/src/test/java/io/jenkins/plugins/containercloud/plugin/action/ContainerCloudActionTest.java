package io.jenkins.plugins.containercloud.plugin.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests for {@link ContainerCloudAction}. */
class ContainerCloudActionTest {

  @Test
  void summary_listsImagesAndDeployments_asJson() throws Exception {
    ContainerCloudAction action = new ContainerCloudAction();
    action.add(
        new ImageEntry(
            "build",
            "registry.example.com/app@sha256:abc",
            "sha256:abc",
            List.of("registry.example.com/app:1", "registry.example.com/app:latest"),
            false));
    action.add(
        new DeploymentEntry(
            "7d1c0f0e-0000-4000-8000-000000000001",
            "deploy",
            "prod",
            "shop",
            "Deployment",
            "web",
            "registry.example.com/app:0",
            "registry.example.com/app:0",
            "ROLLED_BACK",
            12_345,
            "pod web-1: CrashLoopBackOff"));

    JsonNode json = new ObjectMapper().readTree(action.json());

    assertThat(json.at("/images/0/digest").asText()).isEqualTo("sha256:abc");
    assertThat(json.at("/images/0/tags/1").asText()).isEqualTo("registry.example.com/app:latest");
    assertThat(json.at("/deployments/0/outcome").asText()).isEqualTo("ROLLED_BACK");
    assertThat(json.at("/deployments/0/rolledBack").asBoolean()).isTrue();
    assertThat(json.at("/deployments/0/durationMillis").asLong()).isEqualTo(12_345);
    assertThat(action.getDeployments().get(0).getDuration()).isEqualTo("12.3 s");
  }

  @Test
  void isReachedAtContainerCloud_butNotListedInTheSidePanel() {
    ContainerCloudAction action = new ContainerCloudAction();
    assertThat(action.getUrlName()).isEqualTo("container-cloud");
    assertThat(action.getIconFileName()).isNull();
    assertThat(action.getDisplayName()).isEqualTo("Container Cloud");
  }
}
