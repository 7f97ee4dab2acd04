package io.jenkins.plugins.containercloud.plugin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.containercloud.api.Dashboard;
import io.jenkins.plugins.containercloud.api.DashboardJson;
import io.jenkins.plugins.containercloud.api.Deployments;
import io.jenkins.plugins.containercloud.history.HistoryDatabase;
import io.jenkins.plugins.containercloud.plugin.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link DashboardApi}, on a dashboard with an embedded history and no cluster. */
class DashboardApiTest {

  private static final Set<DashboardPermission> VIEWER = EnumSet.of(DashboardPermission.VIEW);
  private static final Set<DashboardPermission> ALL = EnumSet.allOf(DashboardPermission.class);

  @TempDir static Path dir;

  private static Dashboard dashboard;
  private static DashboardApi api;

  @BeforeAll
  static void open() {
    dashboard =
        new Dashboard(
            List.of(),
            Deployments.open(HistoryDatabase.h2File(dir.resolve("history"))),
            Clock.systemUTC());
    api = new DashboardApi(() -> dashboard);
  }

  @AfterAll
  static void close() {
    dashboard.close();
  }

  private static ApiCall call(String method, String path, Set<DashboardPermission> granted) {
    return call(method, path, granted, null);
  }

  private static ApiCall call(
      String method, String path, Set<DashboardPermission> granted, String ifNoneMatch) {
    List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    return new ApiCall(
        method,
        segments,
        Map.of(),
        "application/json",
        "{}".getBytes(StandardCharsets.UTF_8),
        ifNoneMatch,
        "alice",
        granted,
        false);
  }

  private static JsonNode json(ApiAnswer answer) throws Exception {
    return DashboardJson.MAPPER.readTree(answer.body());
  }

  @Test
  void get_answersCoresJson_withAnEntityTag_and304WhenNothingChanged() throws Exception {
    ApiAnswer first = api.answer(call("GET", "/clusters", VIEWER));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body())
        .isEqualTo(
            DashboardJson.MAPPER.writeValueAsBytes(Map.of("clusters", dashboard.clusters())));
    assertThat(first.etag()).matches("\"[0-9a-f]{32}\"");

    ApiAnswer again = api.answer(call("GET", "/clusters", VIEWER, first.etag()));
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.etag()).isEqualTo(first.etag());

    ApiAnswer other = api.answer(call("GET", "/clusters", VIEWER, "\"stale\""));
    assertThat(other.status()).isEqualTo(200);
  }

  @Test
  void withoutView_everyRouteIsForbidden_namingThePermission() throws Exception {
    ApiAnswer answer = api.answer(call("GET", "/deployments", Set.of()));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(json(answer).at("/error/message").asText())
        .isEqualTo(
            "alice lacks the permission Container Cloud/View; an administrator grants it in"
                + " Manage Jenkins » Security");
  }

  @Test
  void startingAndAbortingNeedDeploy_rollingBackNeedsRollback() throws Exception {
    Set<DashboardPermission> rollbackOnly =
        EnumSet.of(DashboardPermission.VIEW, DashboardPermission.ROLLBACK);
    Set<DashboardPermission> deployOnly =
        EnumSet.of(DashboardPermission.VIEW, DashboardPermission.DEPLOY);

    assertThat(
            json(api.answer(call("POST", "/rollouts", rollbackOnly))).at("/error/message").asText())
        .contains("Container Cloud/Deploy");
    assertThat(api.answer(call("POST", "/rollouts/r1/abort", rollbackOnly)).status())
        .isEqualTo(403);
    assertThat(
            json(api.answer(call("POST", "/deployments/d1/rollback", deployOnly)))
                .at("/error/message")
                .asText())
        .contains("Container Cloud/Rollback");

    ApiAnswer allowed = api.answer(call("POST", "/deployments/d1/rollback", rollbackOnly));
    assertThat(allowed.status()).isEqualTo(404);
    assertThat(json(allowed).at("/error/message").asText())
        .isEqualTo("no deployment d1 in the history");
    assertThat(allowed.etag()).isNull();
  }

  @Test
  void me_tellsTheAppWhoAsks_andWhatTheyMayDo() throws Exception {
    JsonNode me = json(api.answer(call("GET", "/me", ALL)));

    assertThat(me.get("user").asText()).isEqualTo("alice");
    assertThat(me.get("roles")).hasSize(2);
    assertThat(me.get("canDeploy").asBoolean()).isTrue();
    assertThat(me.get("isAdmin").asBoolean()).isFalse();
  }

  @Test
  void refusesWrongVerbs_unknownPaths_andTheEventStream_inOneSentence() throws Exception {
    ApiAnswer verb = api.answer(call("GET", "/rollouts/r1/abort", ALL));
    assertThat(verb.status()).isEqualTo(405);
    assertThat(json(verb).at("/error/message").asText())
        .isEqualTo("/rollouts/{id}/abort answers POST (with Jenkins' crumb), not GET");

    ApiAnswer unknown = api.answer(call("GET", "/nothing/here", ALL));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(json(unknown).at("/error/message").asText())
        .isEqualTo("no such resource: api/v1/nothing/here");

    ApiAnswer stream = api.answer(call("GET", "/stream", ALL));
    assertThat(stream.status()).isEqualTo(404);
    assertThat(json(stream).at("/error/message").asText()).contains("poll");

    ApiAnswer noCluster = api.answer(call("GET", "/clusters/prod/nodes", ALL));
    assertThat(noCluster.status()).isEqualTo(404);
    assertThat(json(noCluster).at("/error/message").asText()).startsWith("no cluster named 'prod'");
  }

  @Test
  void badInput_isRefusedAsServeRefusesIt() throws Exception {
    ApiAnswer limit =
        api.answer(
            new ApiCall(
                "GET",
                List.of("deployments"),
                Map.of("limit", "0"),
                null,
                new byte[0],
                null,
                "alice",
                VIEWER,
                false));
    assertThat(limit.status()).isEqualTo(400);
    assertThat(json(limit).at("/error/field").asText()).isEqualTo("limit");

    ApiAnswer body =
        api.answer(
            new ApiCall(
                "POST",
                List.of("rollouts"),
                Map.of(),
                "application/json",
                "{\"colour\":1}".getBytes(StandardCharsets.UTF_8),
                null,
                "alice",
                ALL,
                false));
    assertThat(body.status()).isEqualTo(400);
    assertThat(json(body).at("/error/message").asText())
        .isEqualTo("colour: not a field of this request");
  }

  @Test
  void routes_areServesApi_withoutTheEventStream() throws Exception {
    JsonNode openapi =
        new ObjectMapper(new YAMLFactory())
            .readTree(ProjectFiles.find("docs/api/openapi.yaml").toFile());
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String verb : List.of("get", "post")) {
        // Not in Jenkins: the event stream (Jenkins polls).
        boolean serveOnly = path.getKey().equals("/stream");
        if (path.getValue().has(verb) && !serveOnly) {
          documented.add(verb.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
        }
      }
    }

    assertThat(new TreeSet<>(ApiRoutes.ROUTES.keySet())).isEqualTo(documented);
  }
}
