package io.jenkins.plugins.containercloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestCounterTest {

  @Test
  void aGetOfACollectionIsAList() {
    assertThat(RequestCounter.isList("GET", "/api/v1/pods", null)).isTrue();
    assertThat(RequestCounter.isList("GET", "/api/v1/nodes", "limit=500")).isTrue();
    assertThat(RequestCounter.isList("GET", "/api/v1/namespaces", null)).isTrue();
    assertThat(RequestCounter.isList("GET", "/api/v1/namespaces/web/pods", "labelSelector=a%3Db"))
        .isTrue();
    assertThat(RequestCounter.isList("GET", "/apis/apps/v1/deployments", "resourceVersion=0"))
        .isTrue();
    assertThat(RequestCounter.isList("GET", "/apis/apps/v1/namespaces/web/replicasets", null))
        .isTrue();
  }

  @Test
  void watchesOneObjectMutationsAndDiscoveryAreNot() {
    assertThat(RequestCounter.isList("GET", "/api/v1/pods", "allowWatchBookmarks=true&watch=true"))
        .isFalse();
    assertThat(RequestCounter.isList("GET", "/api/v1/namespaces/web", null)).isFalse();
    assertThat(RequestCounter.isList("GET", "/api/v1/nodes/node-1", null)).isFalse();
    assertThat(RequestCounter.isList("GET", "/api/v1/namespaces/web/pods/p-1", null)).isFalse();
    assertThat(RequestCounter.isList("GET", "/api/v1/namespaces/web/pods/p-1/log", null)).isFalse();
    assertThat(RequestCounter.isList("POST", "/api/v1/namespaces/web/pods", null)).isFalse();
    assertThat(RequestCounter.isList("GET", "/api/v1", null)).isFalse();
    assertThat(RequestCounter.isList("GET", "/apis/apps/v1", null)).isFalse();
    assertThat(RequestCounter.isList("GET", "/version", null)).isFalse();
  }
}
