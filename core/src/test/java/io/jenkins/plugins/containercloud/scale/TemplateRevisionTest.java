package io.jenkins.plugins.containercloud.scale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests for {@link TemplateRevision}. */
class TemplateRevisionTest {

  private static NodePool withBootstrap(NodePool p, Bootstrap b) {
    return new NodePool(
        p.name(),
        p.cluster(),
        p.provider(),
        p.template(),
        p.min(),
        p.max(),
        p.maxPerScaleUp(),
        p.scaleDownDelay(),
        p.utilisationThreshold(),
        p.maxProvisionTime(),
        b);
  }

  @Test
  void theSamePool_hasTheSameRevision_anotherBootstrapOrSizeAnother() {
    NodePool pool = Pools.pool("web", 4000, 16, 110, 3);
    NodePool again = Pools.pool("web", 4000, 16, 110, 3);
    NodePool bigger = Pools.pool("web", 8000, 16, 110, 3);
    NodePool otherJoin =
        withBootstrap(
            pool, new Bootstrap(pool.bootstrap().userDataTemplate(), "kubeadm join v2", null));

    assertThat(TemplateRevision.of(pool))
        .matches("[0-9a-f]{12}")
        .isEqualTo(TemplateRevision.of(again))
        .isNotEqualTo(TemplateRevision.of(bigger))
        .isNotEqualTo(TemplateRevision.of(otherJoin));
    // Bounds are not what a machine is made from: resizing the pool replaces nothing.
    assertThat(TemplateRevision.of(pool.withBounds(1, 5, 2))).isEqualTo(TemplateRevision.of(pool));
  }

  @Test
  void theJoinToken_countsByItsReference_notItsValue() {
    NodePool pool = Pools.pool("web", 4000, 16, 110, 3);
    Bootstrap a =
        new Bootstrap("x", "join", SecretRef.parse("joinToken", "env:T", n -> "secret-one"));
    Bootstrap b =
        new Bootstrap("x", "join", SecretRef.parse("joinToken", "env:T", n -> "secret-two"));

    assertThat(TemplateRevision.of(withBootstrap(pool, a)))
        .isEqualTo(TemplateRevision.of(withBootstrap(pool, b)));
  }
}
