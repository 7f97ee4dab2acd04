package io.jenkins.plugins.containercloud.scale;

import static io.jenkins.plugins.containercloud.scale.Pools.GI;
import static io.jenkins.plugins.containercloud.scale.Pools.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.jenkins.plugins.containercloud.scale.ScalePlan.Why;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests for {@link ScalePlanner}. */
class ScalePlannerTest {

  private static List<PodDemand> pods(String prefix, int n, long cpuMillis, long memoryBytes) {
    List<PodDemand> pods = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pods.add(PodDemand.simple("bench", prefix + "-" + i, cpuMillis, memoryBytes));
    }
    return pods;
  }

  @Test
  void thousandEqualPods_orderExactlyTheOptimum() {
    NodePool pool = pool("web", 4000, 8, 110, 1000);
    List<PodDemand> pending = pods("burst", 1000, 500, GI);

    ScalePlan plan = ScalePlanner.plan(List.of(pool), Map.of(), pending);

    // Independently: each node holds min(4000/500, 8Gi/1Gi, 110) = 8 such pods.
    long perNode = Math.min(Math.min(4000 / 500, 8), 110);
    int optimum = (int) Math.ceil(1000.0 / perNode);
    assertThat(plan.totalNodes()).isEqualTo(optimum);
    assertThat(plan.unhelped()).isEmpty();
    assertThat(plan.scaleUps().get(0).pods()).hasSize(1000);
  }

  @Test
  void podSlotsLimitTheNode_whenRequestsAreTiny() {
    NodePool pool = pool("small", 4000, 8, 10, 100);
    ScalePlan plan = ScalePlanner.plan(List.of(pool), Map.of(), pods("tiny", 95, 10, 1024));

    assertThat(plan.totalNodes()).isEqualTo(10);
  }

  @Test
  void benchmarkWorkloads_orderTheOptimumFoundByExhaustiveSearch() {
    NodePool pool = pool("web", 4000, 8, 110, 100);
    long[][] sizes = {{250, GI / 2}, {500, GI}, {1000, 2 * GI}, {2000, 4 * GI}};
    for (int seed = 1; seed <= 20; seed++) {
      java.util.Random random = new java.util.Random(seed);
      List<PodDemand> pending = new ArrayList<>();
      int deployments = 1 + random.nextInt(3);
      for (int d = 0; d < deployments; d++) {
        long[] size = sizes[random.nextInt(sizes.length)];
        pending.addAll(pods("d" + d, 1 + random.nextInt(5), size[0], size[1]));
      }

      ScalePlan plan = ScalePlanner.plan(List.of(pool), Map.of(), pending);

      assertThat(plan.totalNodes())
          .as("seed %d, %d pods", seed, pending.size())
          .isEqualTo(OptimalPacking.minimumNodes(pending, pool.template().allocatable()));
    }
  }

  @Test
  void hostnameAntiAffinity_putsOnePodPerNode() {
    NodePool pool = pool("web", 4000, 8, 110, 10);
    List<PodDemand> pending = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pending.add(
          new PodDemand(
              "shop",
              "db-" + i,
              new Resources(100, GI / 4, 1),
              Map.of("app", "db"),
              Map.of(),
              List.of(),
              List.of(),
              List.of(new LabelSelectorBuilder().addToMatchLabels("app", "db").build())));
    }
    pending.addAll(pods("free", 4, 100, GI / 4));

    ScalePlan plan = ScalePlanner.plan(List.of(pool), Map.of(), pending);

    assertThat(plan.totalNodes()).isEqualTo(4);
  }

  @Test
  void selectorsTaintsAndAffinity_chooseThePoolThatCanRunThePod() {
    NodePool plain = pool("plain", 4000, 8, 110, 10);
    NodePool gpu =
        pool(
            "gpu",
            new Resources(8000, 32 * GI, 110),
            Map.of("accelerator", "gpu"),
            List.of(new Taint("gpu", "true", "NoSchedule")),
            10);
    PodDemand trainer =
        new PodDemand(
            "ml",
            "trainer",
            new Resources(1000, GI, 1),
            Map.of(),
            Map.of(),
            List.of(new TolerationBuilder().withKey("gpu").withOperator("Exists").build()),
            List.of(
                new NodeSelectorTermBuilder()
                    .addNewMatchExpression()
                    .withKey("accelerator")
                    .withOperator("In")
                    .withValues("gpu")
                    .endMatchExpression()
                    .build()),
            List.of());
    PodDemand simple = PodDemand.simple("ml", "no-toleration", 1000, GI);
    PodDemand untolerating =
        new PodDemand(
            simple.namespace(),
            simple.name(),
            simple.requests(),
            simple.labels(),
            Map.of("accelerator", "gpu"),
            simple.tolerations(),
            simple.requiredNodeAffinity(),
            simple.hostnameAntiAffinity());
    PodDemand web = PodDemand.simple("shop", "web", 1000, GI);

    ScalePlan plan =
        ScalePlanner.plan(List.of(plain, gpu), Map.of(), List.of(trainer, untolerating, web));

    assertThat(plan.scaleUps())
        .extracting(ScalePlan.ScaleUp::pool, ScalePlan.ScaleUp::nodes)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("gpu", 1),
            org.assertj.core.groups.Tuple.tuple("plain", 1));
    assertThat(plan.unhelped())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.pod()).isEqualTo("ml/no-toleration");
              assertThat(u.why()).isEqualTo(Why.NO_POOL_FITS);
              assertThat(u.message())
                  .contains("plain: node selector accelerator=gpu")
                  .contains("gpu: taint gpu=true:NoSchedule not tolerated");
            });
  }

  @Test
  void aPodLargerThanEveryTemplate_isReportedAndOrdersNothing() {
    NodePool pool = pool("web", 4000, 8, 110, 10);

    ScalePlan plan =
        ScalePlanner.plan(
            List.of(pool), Map.of(), List.of(PodDemand.simple("x", "huge", 16000, GI)));

    assertThat(plan.scaleUps()).isEmpty();
    assertThat(plan.unhelped())
        .singleElement()
        .satisfies(
            u -> assertThat(u.message()).contains("exceed a whole node (cpu 16000m > 4000m)"));
  }

  @Test
  void leastWaste_prefersTheTemplateThePodsFillBest() {
    NodePool big = pool("big", 16000, 32, 110, 10);
    NodePool small = pool("small", 2000, 4, 110, 10);

    ScalePlan plan = ScalePlanner.plan(List.of(big, small), Map.of(), pods("web", 3, 1500, 3 * GI));

    assertThat(plan.scaleUps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.pool()).isEqualTo("small");
              assertThat(s.nodes()).isEqualTo(3);
              assertThat(s.reason()).contains("least waste (25% of their CPU and memory unused)");
            });
  }

  @Test
  void maximumAndPerScaleUpBudget_areRespectedAndExplained() {
    NodePool capped = pool("capped", 1000, 2, 110, 3);
    NodePool budgeted = pool("budgeted", 1000, 2, 110, 100).withBounds(0, 100, 2);

    ScalePlan atMax =
        ScalePlanner.plan(
            List.of(capped), Map.of("capped", new PoolStatus(2, 0, null)), pods("a", 3, 1000, GI));
    ScalePlan byBudget = ScalePlanner.plan(List.of(budgeted), Map.of(), pods("b", 3, 1000, GI));

    assertThat(atMax.totalNodes()).isEqualTo(1);
    assertThat(atMax.unhelped()).extracting(ScalePlan.Unhelped::why).containsOnly(Why.MAX_REACHED);
    assertThat(byBudget.totalNodes()).isEqualTo(2);
    assertThat(byBudget.unhelped())
        .extracting(ScalePlan.Unhelped::why)
        .containsOnly(Why.BUDGET_SPENT);
  }

  @Test
  void nodesAlreadyOrdered_countAsCapacity() {
    NodePool pool = pool("web", 4000, 8, 110, 100);
    List<PodDemand> pending = pods("burst", 20, 500, GI);

    ScalePlan first = ScalePlanner.plan(List.of(pool), Map.of(), pending);
    ScalePlan second =
        ScalePlanner.plan(
            List.of(pool), Map.of("web", new PoolStatus(0, first.totalNodes(), null)), pending);

    assertThat(first.totalNodes()).isEqualTo(3);
    assertThat(second.scaleUps()).isEmpty();
    assertThat(second.awaitingUpcoming()).hasSize(20);
  }

  @Test
  void anUnavailablePool_givesWayToTheNextPool() {
    NodePool first = pool("a-first", 4000, 8, 110, 10);
    NodePool second = pool("b-second", 4000, 8, 110, 10);
    Map<String, PoolStatus> statuses =
        Map.of("a-first", new PoolStatus(0, 0, "InsufficientInstanceCapacity"));

    ScalePlan plan = ScalePlanner.plan(List.of(first, second), statuses, pods("p", 2, 500, GI));
    ScalePlan alone = ScalePlanner.plan(List.of(first), statuses, pods("p", 2, 500, GI));

    assertThat(plan.scaleUps())
        .singleElement()
        .satisfies(s -> assertThat(s.pool()).isEqualTo("b-second"));
    assertThat(alone.unhelped())
        .extracting(ScalePlan.Unhelped::why)
        .containsOnly(Why.POOL_UNAVAILABLE);
  }

  @Test
  void aPoolBelowItsMinimum_isToppedUp_andThoseNodesTakePods() {
    NodePool pool = pool("web", 4000, 8, 110, 10).withBounds(2, 10, 10);

    ScalePlan plan = ScalePlanner.plan(List.of(pool), Map.of(), pods("p", 12, 500, GI));

    assertThat(plan.totalNodes()).isEqualTo(2);
    assertThat(plan.scaleUps().get(0).reason()).contains("below its minimum of 2");
    assertThat(plan.scaleUps().get(0).pods()).hasSize(12);
  }

  @Test
  void roomOnReadyNodesOfThePool_isUsedBeforeOrderingMore() {
    NodePool pool = pool("web", 4000, 8, 110, 10);
    // One Ready node with 3 of its 4 CPUs requested, one with 1: room for three 1-CPU pods.
    PoolStatus status =
        new PoolStatus(
            2, 0, null, List.of(new Resources(3000, 3 * GI, 3), new Resources(1000, GI, 1)));

    ScalePlan plan =
        ScalePlanner.plan(List.of(pool), Map.of("web", status), pods("p", 5, 1000, GI));

    assertThat(plan.awaitingUpcoming()).hasSize(4);
    assertThat(plan.totalNodes()).isEqualTo(1);
  }
}
